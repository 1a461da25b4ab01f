import Foundation

/// Produces compressed fixtures with the system's real encoders (`gzip`, Python's zlib) at test
/// time. Returns nil when the tool is missing so tests skip cleanly.
enum ExternalCompressor {
    static func run(_ arguments: [String], stdin: [UInt8]) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Write stdin from another thread so a full output pipe cannot deadlock us.
        let data = Data(stdin)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return [UInt8](result)
    }

    static func gzip(_ input: [UInt8], level: Int) -> [UInt8]? {
        run(["gzip", "-c", "-n", "-\(level)"], stdin: input)
    }

    /// Python zlib with a given level, wbits (15 zlib, -15 raw, 31 gzip) and strategy name.
    static func python(_ input: [UInt8], level: Int, wbits: Int, strategy: String) -> [UInt8]? {
        let script = """
            import sys, zlib
            c = zlib.compressobj(\(level), zlib.DEFLATED, \(wbits), 8, zlib.\(strategy))
            d = sys.stdin.buffer.read()
            sys.stdout.buffer.write(c.compress(d) + c.flush())
            """
        return run(["python3", "-c", script], stdin: input)
    }

    static var hasGzip: Bool { gzip([1], level: 1) != nil }
    static var hasPython: Bool { python([1], level: 1, wbits: 15, strategy: "Z_DEFAULT_STRATEGY") != nil }
}
