import Foundation

/// A small JSON file that must survive crashes: written to a temporary file in the same folder,
/// flushed, then renamed over the old one, so a reader sees the old or the new content, never
/// half. A file that does not decode is moved aside (`NAME.corrupt-TIMESTAMP`) and reported.
public struct StateFile<Value: Codable>: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public enum LoadResult {
        case missing
        case loaded(Value)
        /// The file was unreadable or corrupt; it now lives at `movedTo` (nil if moving failed).
        case corrupt(message: String, movedTo: String?)
    }

    public func load() -> LoadResult {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return .loaded(try JSONDecoder().decode(Value.self, from: data))
        } catch {
            let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            let moved = (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil
            return .corrupt(message: "\(path): cannot read saved state (\(Self.reason(error)))", movedTo: moved ? aside : nil)
        }
    }

    /// Writes atomically; creates the folder if needed.
    public func save(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateFileError(message: "\(temp): \(String(cString: strerror(errno)))") }
        var ok = true
        data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                off += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let err = errno
        close(fd)
        guard ok else {
            unlink(temp)
            throw StateFileError(message: "\(temp): \(String(cString: strerror(err)))")
        }
        guard rename(temp, path) == 0 else {
            let e = errno
            unlink(temp)
            throw StateFileError(message: "\(path): \(String(cString: strerror(e)))")
        }
    }

    private static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error { return c.debugDescription }
        if case DecodingError.keyNotFound(let k, _) = error { return "missing field \(k.stringValue)" }
        if case DecodingError.typeMismatch(_, let c) = error { return c.debugDescription }
        return "\(error)"
    }
}

public struct StateFileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
