import Exposition
import Foundation
import TimeSeries

/// The HELP, TYPE and UNIT lines of a target's last good scrape, raw and decoded, so that a scrape
/// whose metadata lines are byte for byte the same (the usual case) neither decodes them nor
/// touches the store's metadata.
///
/// A line is identified by its kind and `ExpositionParser.metadataRange` bytes, which determine
/// what it means within one format; the log is cleared when the format changes.
struct MetadataLog: Sendable {
    /// What one line says about its family.
    enum Field: Sendable, Equatable {
        case help(String)
        case type(TimeSeries.MetricType)
        case unit(String)
    }

    struct Line: Sendable {
        var kind: UInt8
        var offset: Int
        var length: Int
        var family: String
        var field: Field
    }

    private var lines: [Line] = []
    private var arena: [UInt8] = []
    private var format: ExpositionFormat? = nil

    // The scrape in progress: lines `0..<cursor` of the log matched; once a line differs the
    // scrape's lines are collected in `fresh`.
    private var cursor = 0
    private var diverged = false
    private var fresh: [Line] = []
    private var freshArena: [UInt8] = []

    /// Starts a scrape in `format`.
    mutating func begin(format: ExpositionFormat) {
        if self.format != format {
            lines.removeAll()
            arena.removeAll()
            self.format = format
        }
        cursor = 0
        diverged = false
        fresh.removeAll(keepingCapacity: true)
        freshArena.removeAll(keepingCapacity: true)
    }

    /// Records a metadata line; `decode` is called only when it differs from the log.
    @inline(__always)
    mutating func record(kind: UInt8, _ bytes: UnsafeRawBufferPointer, decode: () -> (String, Field)) {
        if !diverged {
            if cursor < lines.count && lines[cursor].kind == kind && matches(lines[cursor], bytes) {
                cursor += 1
                return
            }
            diverge()
        }
        let (family, field) = decode()
        fresh.append(Line(kind: kind, offset: freshArena.count, length: bytes.count, family: family, field: field))
        freshArena.append(contentsOf: bytes)
    }

    private func matches(_ line: Line, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard line.length == bytes.count else { return false }
        guard let p = bytes.baseAddress else { return true }
        return arena.withUnsafeBytes { a in
            guard let base = a.baseAddress else { return false }
            return memcmp(base + line.offset, p, bytes.count) == 0
        }
    }

    /// Carries the lines matched so far over to the fresh list.
    private mutating func diverge() {
        diverged = true
        fresh = Array(lines[0..<cursor])
        let used = cursor > 0 ? lines[cursor - 1].offset + lines[cursor - 1].length : 0
        freshArena = Array(arena[0..<used])
    }

    /// Ends a good scrape: nil when its metadata lines were exactly the log's, otherwise the
    /// scrape's lines in order, which become the log.
    mutating func finish() -> [Line]? {
        if !diverged {
            if cursor == lines.count { return nil }
            diverge()
        }
        swap(&lines, &fresh)
        swap(&arena, &freshArena)
        return lines
    }
}
