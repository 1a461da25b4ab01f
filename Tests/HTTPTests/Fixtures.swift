import Foundation

/// Compressed test data made at test time by the system's `/usr/bin/gzip` (a real gzip, not our code).
enum Fixtures {
    /// `data` compressed by `gzip -c`.
    static func gzip(_ data: [UInt8]) -> [UInt8] {
        run("/usr/bin/gzip", ["-c", "-6"], input: data)
    }

    /// 64 MiB of zeros, gzipped (about 64 KB): a decompression bomb.
    static let gzipBomb: [UInt8] = gzip([UInt8](repeating: 0, count: 64 << 20))

    static var gzipAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") }

    static func run(_ tool: String, _ args: [String], input: [UInt8]) -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let inPipe = Pipe()
        let outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        do { try p.run() } catch { return [] }
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(input))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](out)
    }
}
