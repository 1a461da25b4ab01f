import Glibc

/// A /proc or /sys file read whole with `read(2)` into one buffer that a collection reuses for
/// every file it reads, and scanned as bytes (lines, space- or tab-separated fields, numbers), so a
/// poll makes no `String` per line and calls no Foundation text API.
struct HostCollectorFile {
    /// The most of a file that is read (/proc files are far smaller; a fixture might not be).
    static let limit = 16 * 1024 * 1024

    private(set) var bytes: [UInt8]
    /// Bytes of the current file at the start of `bytes`.
    private(set) var count = 0

    init(capacity: Int = 64 * 1024) {
        bytes = [UInt8](repeating: 0, count: max(1024, capacity))
    }

    /// Reads `path` whole (up to `limit`); false when it cannot be opened or read.
    mutating func load(_ path: String) -> Bool {
        count = 0
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        while count < Self.limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, Self.limit - count))) }
            let start = count
            let n = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + start, raw.count - start)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { break }
            count += n
        }
        return true
    }

    // MARK: Scanning

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")

    /// The next non-empty line at or after `position` (without its newline); moves past it.
    func nextLine(_ position: inout Int) -> Range<Int>? {
        while position < count {
            let start = position
            while position < count && bytes[position] != Self.newline { position += 1 }
            let end = position
            if position < count { position += 1 }
            if end > start { return start..<end }
        }
        return nil
    }

    /// The next field of `line` at or after `position`; moves past it.
    func nextField(_ position: inout Int, in line: Range<Int>) -> Range<Int>? {
        var i = max(position, line.lowerBound)
        while i < line.upperBound && (bytes[i] == Self.space || bytes[i] == Self.tab) { i += 1 }
        guard i < line.upperBound else {
            position = line.upperBound
            return nil
        }
        let start = i
        while i < line.upperBound && bytes[i] != Self.space && bytes[i] != Self.tab { i += 1 }
        position = i
        return start..<i
    }

    /// The fields of `line`, at most `limit` of them.
    func fields(_ line: Range<Int>, limit: Int = .max) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var p = line.lowerBound
        while out.count < limit, let f = nextField(&p, in: line) { out.append(f) }
        return out
    }

    /// The field as a number, as `Double(String)` reads it: plain digits are converted here
    /// (exactly, up to 15 of them); anything else goes to the standard library's parser.
    func number(_ r: Range<Int>) -> Double? {
        if r.count <= 15 && !r.isEmpty {
            var n: Int64 = 0
            var digits = true
            for i in r {
                let d = bytes[i] &- UInt8(ascii: "0")
                if d > 9 { digits = false; break }
                n = n * 10 + Int64(d)
            }
            if digits { return Double(n) }
        }
        return Double(string(r))
    }

    /// The field's text (invalid UTF-8 repaired, as `String(decoding:)` does).
    func string(_ r: Range<Int>) -> String {
        String(decoding: bytes[r], as: UTF8.self)
    }

    /// Whether the field is exactly `text` (ASCII).
    func field(_ r: Range<Int>, is text: StaticString) -> Bool {
        guard r.count == text.utf8CodeUnitCount else { return false }
        let p = text.utf8Start
        for (k, i) in r.enumerated() where bytes[i] != p[k] { return false }
        return true
    }

    /// Whether the field starts with `prefix` (ASCII).
    func field(_ r: Range<Int>, hasPrefix prefix: StaticString) -> Bool {
        guard r.count >= prefix.utf8CodeUnitCount else { return false }
        let p = prefix.utf8Start
        for k in 0..<prefix.utf8CodeUnitCount where bytes[r.lowerBound + k] != p[k] { return false }
        return true
    }
}
