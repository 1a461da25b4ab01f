#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file for the loaders, giving Go's `open NAME: reason` text on failure.
/// Files larger than `maxBytes` are refused so a hostile path cannot exhaust memory.
enum FileText {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func contents(_ path: String, maxBytes: Int = 256 << 20) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw Failure(description: "open \(path): \(reason(errno))") }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "read \(path): \(reason(errno))")
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > maxBytes { throw Failure(description: "read \(path): file is larger than \(maxBytes) bytes") }
        }
        return out
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }
}
