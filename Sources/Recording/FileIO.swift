#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file calls the recorder uses, with EINTR retried and errors as text (named so
/// they do not collide with the writer's and reader's own `open`/`close`).
enum FileIO {
    static func errorText() -> String { String(cString: strerror(errno)) }

    static func create(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
    }

    static func openForReading(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_CLOEXEC)
    }

    static func closeFile(_ fd: Int32) { _ = close(fd) }

    static func sync(_ fd: Int32) { _ = fsync(fd) }

    static func syncData(_ fd: Int32) {
        #if canImport(Glibc)
        _ = fdatasync(fd)
        #else
        _ = fsync(fd)
        #endif
    }

    /// The file's size, or nil when it cannot be read.
    static func size(_ fd: Int32) -> Int64? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return Int64(st.st_size)
    }

    /// The size of the file at `path`, or nil when there is none.
    static func size(atPath path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int64(st.st_size)
    }

    /// Writes all of `bytes`; the error text on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errorText()
                }
                if n == 0 { return "no progress writing" }
                off += n
            }
            return nil
        }
    }

    /// Reads up to `count` bytes at `offset` (fewer only at the end of the file).
    static func read(_ fd: Int32, at offset: Int64, count: Int) -> Result<[UInt8], ReadError> {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        let failure: String? = out.withUnsafeMutableBytes { raw in
            while got < count {
                let n = pread(fd, raw.baseAddress! + got, count - got, off_t(offset + Int64(got)))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errorText()
                }
                if n == 0 { break }
                got += n
            }
            return nil
        }
        if let failure { return .failure(ReadError(message: failure)) }
        if got < count { out.removeLast(count - got) }
        return .success(out)
    }

    static func remove(_ path: String) -> String? {
        unlink(path) == 0 || errno == ENOENT ? nil : errorText()
    }

    static func move(_ from: String, to: String) -> String? {
        rename(from, to) == 0 || errno == ENOENT ? nil : errorText()
    }

    struct ReadError: Error {
        let message: String
    }
}
