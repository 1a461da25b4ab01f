import Foundation
import Testing

@Suite struct PollCommandTests {
    @Test func localHost() throws {
        let r = try VigilProcess.run(["poll", "host://"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("up{instance="))
        #expect(r.stdout.contains("node_memory_MemTotal_bytes{"))
        #expect(r.stdout.contains("scrape_samples_scraped{"))
    }

    @Test func downSourceExitsOneWithError() throws {
        let r = try VigilProcess.run(["poll", "--timeout", "2s", "http://127.0.0.1:1/metrics", "host://"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("connection refused"))
        #expect(r.stdout.contains("up{instance=\"127.0.0.1:1\",job=\"prometheus\"} 0"))
        #expect(r.stdout.contains("job=\"host\"} 1"))
    }

    @Test func badURLIsUsageError() throws {
        let r = try VigilProcess.run(["poll", "ftp://x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown scheme"))
    }

    @Test func passwordNeverPrinted() throws {
        let r = try VigilProcess.run(["poll", "--timeout", "1s", "redis://:sup3rsecret@127.0.0.1:1?keys=q"])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("sup3rsecret"))
        #expect(!r.stderr.contains("sup3rsecret"))
    }

    /// A real Redis with a real list: the depth Vigil reads.
    @Test func redisQueueDepth() throws {
        guard let server = try RedisServer.start() else {
            print("note: redis-server not installed; skipped")
            return
        }
        defer { server.stop() }
        try server.cli(["RPUSH", "jobs", "a", "b", "c"])
        let r = try VigilProcess.run(["poll", "redis://127.0.0.1:\(server.port)?keys=jobs"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("vigil_queue_depth{instance=\"127.0.0.1:\(server.port)\",job=\"redis\",queue=\"jobs\",system=\"redis\"} 3"))
    }
}

/// A throwaway `redis-server` on a free loopback port.
struct RedisServer {
    let port: Int
    let process: Process

    static func start() throws -> RedisServer? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/redis-server") else { return nil }
        let port = Int.random(in: 20000..<40000)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        p.arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let server = RedisServer(port: port, process: p)
        for _ in 0..<100 {
            if (try? server.cli(["PING"])) != nil { return server }
            Thread.sleep(forTimeInterval: 0.05)
        }
        server.stop()
        return nil
    }

    @discardableResult
    func cli(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        p.arguments = ["-p", String(port)] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }

    /// SIGKILL: a test server holds no state worth a clean shutdown, and SIGTERM can be slow.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
