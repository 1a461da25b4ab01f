import Config
import Foundation
import Testing
@testable import Polling

@Suite struct BeanstalkTests {
    typealias T = BrokerTestSupport

    // MARK: - Against Debian's beanstalkd

    @Test func readsRealTubeStates() async throws {
        guard BeanstalkServer.executable != nil else {
            print("note: beanstalkd not installed; skipping the real-server test (apt-get install beanstalkd)")
            return
        }
        let server = try await T.offPool { try BeanstalkServer() }
        defer { server.stop() }
        let worker = try await T.offPool {
            let producer = try BeanstalkTestClient(port: server.port)
            try producer.command("use emails")
            for i in 0..<5 { _ = try producer.put("job \(i)") }
            _ = try producer.put("later", delay: 100)
            let worker = try BeanstalkTestClient(port: server.port)
            try worker.command("watch emails")
            try worker.command("ignore default")
            _ = try worker.reserve()
            let buried = try worker.reserve()
            guard try worker.command("bury \(buried) 1024") == "BURIED" else { throw BrokerServerError("bury failed") }
            return worker
        }

        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port)
        let payload = try await source.poll(deadline: T.deadline(5))
        let s = try T.samples(payload)
        let emails = ["system": "beanstalkd", "queue": "emails"]
        #expect(T.value(s, "vigil_queue_depth", emails) == 3)
        #expect(T.value(s, "vigil_queue_ready", emails) == 3)
        #expect(T.value(s, "vigil_queue_reserved", emails) == 1)
        #expect(T.value(s, "vigil_queue_delayed", emails) == 1)
        #expect(T.value(s, "vigil_queue_buried", emails) == 1)
        #expect(T.value(s, "vigil_queue_consumers", emails) == 1)
        #expect(T.value(s, "vigil_queue_enqueued_total", emails) == 6)
        #expect(T.value(s, "vigil_queue_deleted_total", emails) == 0)
        #expect(T.value(s, "vigil_queue_paused", emails) == 0)
        // The default tube exists too (every connection watches it).
        #expect(T.value(s, "vigil_queue_depth", ["queue": "default"]) == 0)

        // Deleting a reserved job shows in the deleted counter.
        let deleted = try await T.offPool { try worker.command("delete \(try worker.reserve())") }
        #expect(deleted == "DELETED")
        let again = try T.samples(try await source.poll(deadline: T.deadline(5)))
        #expect(T.value(again, "vigil_queue_deleted_total", emails) == 1)
        #expect(T.value(again, "vigil_queue_depth", emails) == 2)
        print("tested against \(BeanstalkServer.version())")
    }

    @Test func configuredTubesIncludingOneTheServerForgot() async throws {
        guard BeanstalkServer.executable != nil else {
            print("note: beanstalkd not installed; skipping")
            return
        }
        let server = try await T.offPool { try BeanstalkServer() }
        defer { server.stop() }
        try await T.offPool {
            let producer = try BeanstalkTestClient(port: server.port)
            try producer.command("use jobs")
            _ = try producer.put("a")
            _ = try producer.put("b")
        }
        let config = try SourceURL.parse("beanstalk://127.0.0.1:\(server.port)?tubes=jobs,ghost")
        let source = try BeanstalkSource.configured(config)
        #expect(source.tubes == ["jobs", "ghost"])
        #expect(source.instance == "127.0.0.1:\(server.port)")
        let s = try T.samples(try await source.poll(deadline: T.deadline(5)))
        #expect(T.value(s, "vigil_queue_depth", ["queue": "jobs"]) == 2)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "ghost"]) == 0)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "default"]) == nil)
    }

    @Test func manyTubesArePipelined() async throws {
        guard BeanstalkServer.executable != nil else {
            print("note: beanstalkd not installed; skipping")
            return
        }
        let server = try await T.offPool { try BeanstalkServer() }
        defer { server.stop() }
        try await T.offPool {
            let producer = try BeanstalkTestClient(port: server.port)
            for i in 0..<300 {
                try producer.command("use tube-\(i)")
                _ = try producer.put("x")
            }
        }
        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port)
        let s = try T.samples(try await source.poll(deadline: T.deadline(10)))
        #expect(s.filter { $0.name == "vigil_queue_depth" }.count == 301)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "tube-299"]) == 1)
    }

    // MARK: - Faults

    @Test func connectionRefused() async throws {
        let port = T.freePort()
        let source = try BeanstalkSource(host: "127.0.0.1", port: port)
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description == "beanstalkd at 127.0.0.1:\(port): connect: Connection refused")
    }

    @Test func garbageReply() async throws {
        let server = try BrokerFaultServer(.reply(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)))
        defer { server.stop() }
        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port)
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("unexpected reply \"HTTP/1.1 400 Bad Request\" (not beanstalkd?)") == true)
    }

    @Test func replyOverTheLimit() async throws {
        let server = try BrokerFaultServer(.reply(Array("OK 999999999\r\n---\n".utf8)))
        defer { server.stop() }
        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port, replyLimit: 1 << 20)
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("a reply of 999999999 bytes is over the limit of 1048576 bytes") == true)
    }

    @Test func hangPastTheDeadline() async throws {
        let server = try BrokerFaultServer(.hang)
        defer { server.stop() }
        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port)
        let start = ContinuousClock.now
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(0.5)) }
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(error?.description.contains("no reply before the deadline") == true)
    }

    @Test func closedMidReply() async throws {
        let server = try BrokerFaultServer(.reply(Array("OK 100\r\n---\n- default\n".utf8)))
        defer { server.stop() }
        let source = try BeanstalkSource(host: "127.0.0.1", port: server.port)
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("the server closed the connection") == true)
    }

    @Test(arguments: ["", "-bad", "has space", "new\r\nline", String(repeating: "a", count: 201)])
    func invalidTubeNamesAreRefused(_ name: String) {
        #expect(throws: PollError.self) { try BeanstalkSource(host: "127.0.0.1", port: 11300, tubes: [name]) }
    }

    @Test(arguments: ["default", "a-b", "x+y/z;w.v$u_t(s)", String(repeating: "a", count: 200)])
    func validTubeNames(_ name: String) {
        #expect(BeanstalkSource.isValidTube(name))
    }

    // MARK: - Reply parsing

    @Test func parsesSplitAndPipelinedReplies() throws {
        var p = BeanstalkReplyParser()
        let wire = Array("OK 18\r\n---\n- default\n- a\n\r\nNOT_FOUND\r\nOK 3\r\nabc\r\n".utf8)
        var replies: [BeanstalkReply] = []
        for byte in wire {  // one byte at a time: every split point
            try p.feed([byte][...])
            while let r = try p.next() { replies.append(r) }
        }
        #expect(replies == [.data(Array("---\n- default\n- a\n".utf8)), .status("NOT_FOUND"), .data(Array("abc".utf8))])
        #expect(!p.hasBufferedBytes)
    }

    @Test func missingCRLFAfterDataIsAnError() throws {
        var p = BeanstalkReplyParser()
        try p.feed(Array("OK 3\r\nabcXY".utf8)[...])
        #expect(throws: PollError.self) { try p.next() }
    }

    @Test func endlessLineIsBounded() throws {
        var p = BeanstalkReplyParser(maxLine: 64)
        try p.feed(Array(repeating: UInt8(ascii: "A"), count: 100)[...])
        #expect(throws: PollError.self) { try p.next() }
    }

    @Test func yamlOfOldAndNewServers() throws {
        #expect(try BeanstalkYAML.list(Array("---\n- default\n- \"quoted\"\n".utf8)) == ["default", "quoted"])
        let m = try BeanstalkYAML.mapping(Array("---\nname: \"emails\"\ncurrent-jobs-ready: 4\n".utf8))
        #expect(m == ["name": "emails", "current-jobs-ready": "4"])
        #expect(throws: PollError.self) { try BeanstalkYAML.list(Array("---\nnot a list\n".utf8)) }
        #expect(throws: PollError.self) { try BeanstalkYAML.mapping(Array("---\nno colon here\n".utf8)) }
    }
}
