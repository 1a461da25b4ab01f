import Config
import Exposition
import Foundation
import Testing
@testable import Polling
import RESP

/// `RedisQueueSource` on plain keys against a real redis-server: every key type, SCAN patterns,
/// stream consumer groups, passwords read at poll time, broken connections and deadlines.
@Suite(.serialized) struct RedisQueueSourceTests {
    static func poll(_ s: RedisQueueSource, seconds: Int = 10) async throws -> [String: Double] {
        redisSeries(try await s.poll(deadline: .now + .seconds(seconds)).body)
    }

    static func depth(_ queue: String, _ system: String = "redis") -> String {
        "vigil_queue_depth{system=\"\(system)\",queue=\"\(queue)\"}"
    }

    @Test func everyKeyType() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let c = server.client()
        var setup: [[String]] = [["RPUSH", "jobs", "a", "b", "c"], ["ZADD", "delayed", "1", "x", "2", "y"],
                                 ["SADD", "members", "a"], ["HSET", "h", "f", "v", "g", "w"], ["SET", "counter", "5"]]
        for i in 0..<3 { setup.append(["XADD", "events", "*", "n", String(i)]) }
        setup += [["XGROUP", "CREATE", "events", "g1", "0"], ["XGROUP", "CREATE", "events", "g2", "$"],
                  ["XREADGROUP", "GROUP", "g1", "c1", "COUNT", "2", "STREAMS", "events", ">"]]
        for reply in try await c.pipeline(setup) { #expect(reply.errorMessage == nil) }

        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs", "delayed", "members", "h", "events", "missing", "counter"])
        for round in 0..<2 {  // the second poll reads through the remembered types
            let series = try await Self.poll(s)
            #expect(series[Self.depth("jobs")] == 3, "round \(round)")
            #expect(series[Self.depth("delayed")] == 2)
            #expect(series[Self.depth("members")] == 1)
            #expect(series[Self.depth("h")] == 2)
            #expect(series[Self.depth("events")] == 3)
            #expect(series[Self.depth("missing")] == 0, "a drained queue named explicitly reads 0")
            #expect(series[Self.depth("counter")] == nil, "strings are not queues")
            let g1 = "{system=\"redis\",queue=\"events\",group=\"g1\"}", g2 = "{system=\"redis\",queue=\"events\",group=\"g2\"}"
            #expect(series["vigil_queue_consumers" + g1] == 1)
            #expect(series["vigil_queue_pending" + g1] == 2)
            #expect(series["vigil_queue_lag" + g1] == 1)
            #expect(series["vigil_queue_consumers" + g2] == 0)
            #expect(series["vigil_queue_lag" + g2] == 0)
            #expect(series["vigil_queue_consumers{system=\"redis\",queue=\"events\"}"] == nil, "no stream total beside its groups")
        }
        // A key that changes type is read again with the right command in the same poll.
        _ = try await c.pipeline([["DEL", "jobs"], ["SADD", "jobs", "x", "y"], ["DEL", "members"], ["RPUSH", "members", "1", "2", "3", "4"]])
        let series = try await Self.poll(s)
        #expect(series[Self.depth("jobs")] == 2)
        #expect(series[Self.depth("members")] == 4)
    }

    /// The exposition is valid text format: each family once, with HELP and TYPE first.
    @Test func familiesAreContiguous() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let c = server.client()
        _ = try await c.pipeline([["XADD", "a", "*", "k", "v"], ["XGROUP", "CREATE", "a", "g", "0"], ["RPUSH", "b", "1"],
                                ["XADD", "c", "*", "k", "v"], ["XGROUP", "CREATE", "c", "g", "0"]])
        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["a", "b", "c"])
        let text = String(decoding: try await s.poll(deadline: .now + .seconds(10)).body, as: UTF8.self)
        var seen: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            if seen.last != name {
                #expect(!seen.contains(name), "family \(name) split in:\n\(text)")
                seen.append(name)
            }
        }
        #expect(seen == ["vigil_queue_depth", "vigil_queue_consumers", "vigil_queue_pending", "vigil_queue_lag"])
        #expect(text.contains("# TYPE vigil_queue_pending gauge\n"))
        // And Vigil's own exposition parser reads every sample of it.
        var parser = ExpositionParser(bytes: Array(text.utf8), format: .prometheusText)
        var samples = 0
        while let e = try parser.next() { if case .series = e { samples += 1 } }
        #expect(samples == text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count)
    }

    @Test func scanPattern() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let c = server.client()
        _ = try await c.pipeline([["RPUSH", "q:a", "1"], ["RPUSH", "q:b", "1", "2"], ["ZADD", "q:c", "1", "m"], ["RPUSH", "other", "1"]])
        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["named"], scan: "q:*")
        var series = try await Self.poll(s)
        #expect(series[Self.depth("q:a")] == 1)
        #expect(series[Self.depth("q:b")] == 2)
        #expect(series[Self.depth("q:c")] == 1)
        #expect(series[Self.depth("other")] == nil)
        #expect(series[Self.depth("named")] == 0)
        // A scanned key that drained is gone from the keyspace and from the reading.
        _ = try await c.send(["DEL", "q:a"])
        series = try await Self.poll(s)
        #expect(series[Self.depth("q:a")] == nil)
        #expect(series[Self.depth("q:b")] == 2)
    }

    @Test func databaseFromConfig() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        _ = try await server.client().pipeline([["SELECT", "3"], ["RPUSH", "jobs", "1", "2"]])
        // The path a `vigil poll redis://…` URL takes: parsed into a config, then a source.
        let parsed = try SourceURL.parse("redis://127.0.0.1:\(server.port)/3?keys=jobs")
        let config = try #require(parsed.redis)
        #expect(config.db == 3)
        let s = try RedisQueueSource(url: server.url, config: config)
        #expect(try await Self.poll(s)[Self.depth("jobs")] == 2)
        let s0 = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"])
        #expect(try await Self.poll(s0)[Self.depth("jobs")] == 0)
    }

    /// The password file is read at every poll: rotating it (and the server's) needs no restart.
    /// No error text ever contains the password.
    @Test func passwordFileRotation() async throws {
        guard let server = try await RedisTestServer.start(password: "first-s3cret") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("password").path
        try "first-s3cret\n".write(toFile: file, atomically: true, encoding: .utf8)
        let admin = server.client(password: "first-s3cret")
        _ = try await admin.send(["RPUSH", "jobs", "1"])

        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], password: .file(file))
        #expect(try await Self.poll(s)[Self.depth("jobs")] == 1)

        _ = try await admin.send(["CONFIG", "SET", "requirepass", "second-s3cret"])
        _ = try await server.client(password: "second-s3cret").send(["CLIENT", "KILL", "TYPE", "normal"])
        try "second-s3cret\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try await Self.poll(s)[Self.depth("jobs")] == 1)

        try "wrong-guess\n".write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try await Self.poll(s)
            Issue.record("a wrong password must fail the poll")
        } catch let e as PollError {
            #expect(e.description.contains("authentication failed") || e.description.contains("WRONGPASS"), "\(e)")
            #expect(!e.description.contains("wrong-guess") && !e.description.contains("s3cret"))
        }
        let missing = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], password: .file(dir.appendingPathComponent("nope").path))
        await #expect(throws: PollError.self) { try await Self.poll(missing) }
    }

    @Test func passwordFromEnvironmentAndLiteral() async throws {
        guard let server = try await RedisTestServer.start(password: "env-s3cret") else { return }
        _ = try await server.client(password: "env-s3cret").send(["RPUSH", "jobs", "1", "2"])
        setenv("VIGIL_TEST_REDIS_PASSWORD_\(server.port)", "env-s3cret", 1)
        let env = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], password: .environment("VIGIL_TEST_REDIS_PASSWORD_\(server.port)"))
        #expect(try await Self.poll(env)[Self.depth("jobs")] == 2)
        let literal = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], password: .literal(Secret("env-s3cret")))
        #expect(try await Self.poll(literal)[Self.depth("jobs")] == 2)
        let unset = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], password: .environment("VIGIL_TEST_UNSET_\(server.port)"))
        await #expect(throws: PollError("redis password: environment variable VIGIL_TEST_UNSET_\(server.port) is not set")) {
            try await Self.poll(unset)
        }
        let none = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"])
        do {
            _ = try await Self.poll(none)
            Issue.record("NOAUTH must fail the poll")
        } catch let e as PollError {
            #expect(e.description.contains("NOAUTH"), "\(e)")
        }
    }

    /// A dropped connection fails that poll with a clear message; the next poll reconnects.
    @Test func brokenConnectionFailsOnePoll() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let c = server.client()
        _ = try await c.send(["RPUSH", "jobs", "1"])
        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"])
        #expect(try await Self.poll(s)[Self.depth("jobs")] == 1)
        _ = try await c.send(["CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"])
        do {
            _ = try await Self.poll(s)
            Issue.record("a killed connection must fail the poll")
        } catch let e as PollError {
            #expect(e.description.hasPrefix("redis 127.0.0.1:\(server.port): "), "\(e)")
        }
        #expect(try await Self.poll(s)[Self.depth("jobs")] == 1)
        server.kill()
        do {
            _ = try await Self.poll(s)
            Issue.record("a dead server must fail the poll")
        } catch let e as PollError {
            #expect(e.description.contains("cannot connect") || e.description.contains("closed"), "\(e)")
        }
    }

    /// A server that stops answering cannot hold a poll past its deadline.
    @Test func deadlineIsKept() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let c = server.client()
        _ = try await c.send(["RPUSH", "jobs", "1"])
        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], options: .init(connectTimeout: 1, roundTripTimeout: 3))
        _ = try await Self.poll(s)
        _ = try await c.send(["CLIENT", "PAUSE", "2500", "ALL"])
        let start = ContinuousClock.now
        await #expect(throws: PollError.self) { try await s.poll(deadline: .now + .milliseconds(300)) }
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}

/// The pure parts: timestamps, binding members, glob escaping, family merging.
@Suite struct RedisQueueParsingTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0),
        ("2024-02-29T12:34:56.5Z", 1_709_210_096.5),
        ("2026-11-29T10:51:18.463249Z", 1_795_949_478.463249),
        ("2000-03-01T00:00:00.000001Z", 951_868_800.000001),
    ])
    func rqTimestamps(_ text: String, _ expected: Double) {
        let t = RedisQueueSource.rqTimestamp(text)
        #expect(t.map { abs($0 - expected) < 1e-5 } == true, "\(text) → \(String(describing: t))")
    }

    @Test(arguments: ["", "2024-02-29", "2024-13-01T00:00:00Z", "2024-02-29T12:34:56", "2024-02-29T12:34:56.Z",
                      "2024-02-29T12:34:5xZ", "2024-02-29 12:34:56Z", "2024-02-29T12:34:56.1234567890Z"])
    func badRQTimestamps(_ text: String) {
        #expect(RedisQueueSource.rqTimestamp(text) == nil)
    }

    @Test func celeryBindings() {
        let sep = RedisQueueSource.celerySeparator
        #expect(RedisQueueSource.celeryBinding("celery\(sep)\(sep)celery")! == ("celery", "celery"))
        #expect(RedisQueueSource.celeryBinding("rk\(sep)pat\(sep)q")! == ("rk", "q"))
        #expect(RedisQueueSource.celeryBinding("colon::colon")! == ("colon", "colon"))
        #expect(RedisQueueSource.celeryBinding("a:b::a:b")! == ("a:b", "a:b"))
        #expect(RedisQueueSource.celeryBinding("x\(sep)y") == nil)
        #expect(RedisQueueSource.celeryBinding("rk\(sep)\(sep)") == nil)
        #expect(RedisQueueSource.celeryBinding("nothing") == nil)
    }

    @Test func celeryPriorityKeys() {
        let keys = RedisQueueSource.celeryPriorityKeys("q", known: ["q", "q:3"])
        #expect(keys.count == 18)
        #expect(keys.contains("q\u{06}\u{16}9") && keys.contains("q:9") && !keys.contains("q:3"))
    }

    @Test func celeryUnackedAttribution() {
        let routes = ["tasks": ["hi": "high"]]
        let known: Set<String> = ["celery", "high"]
        #expect(RedisQueueSource.celeryQueue(ofUnacked: #"[{"body": "x"}, "", "celery"]"#, routes: routes, known: known) == "celery")
        #expect(RedisQueueSource.celeryQueue(ofUnacked: #"[{}, "tasks", "hi"]"#, routes: routes, known: known) == "high")
        #expect(RedisQueueSource.celeryQueue(ofUnacked: #"[{}, "", "gone"]"#, routes: routes, known: known) == nil)
        #expect(RedisQueueSource.celeryQueue(ofUnacked: "not json", routes: routes, known: known) == nil)
        #expect(RedisQueueSource.celeryQueue(ofUnacked: String(repeating: "[", count: 100_000), routes: routes, known: known) == nil)
    }

    @Test func sidekiqTimes() {
        #expect(RedisQueueSource.sidekiqEnqueuedAt(#"{"enqueued_at":1700000000.25}"#) == 1_700_000_000.25)
        #expect(RedisQueueSource.sidekiqEnqueuedAt(#"{"enqueued_at":1700000000250}"#) == 1_700_000_000.25)
        #expect(RedisQueueSource.sidekiqEnqueuedAt(#"{"created_at":1}"#) == nil)
        #expect(RedisQueueSource.sidekiqEnqueuedAt("[1]") == nil)
        #expect(RedisQueueSource.sidekiqProcessQueues(#"{"queues":["a","b","a",3]}"#) == ["a", "b"])
    }

    @Test func globEscaping() {
        #expect(RedisQueueSource.globEscaped("{prod:bull}") == "{prod:bull}")
        #expect(RedisQueueSource.globEscaped("a*b?[c]\\") == "a\\*b\\?\\[c\\]\\\\")
    }

    @Test func mergedFamilies() {
        var e = RedisQueueExposition()
        e.add(QueueReading(system: "celery", queue: "a", depth: 1, extra: [("unacked", 2)]))
        e.add("unacked", labels: [("system", "celery")], 5)
        e.add(QueueReading(system: "celery", queue: "b", depth: 3, extra: [("unacked", 0)]))
        let text = String(decoding: e.bytes(), as: UTF8.self)
        #expect(text == """
            # HELP vigil_queue_depth Messages waiting in the queue.
            # TYPE vigil_queue_depth gauge
            vigil_queue_depth{system="celery",queue="a"} 1
            vigil_queue_depth{system="celery",queue="b"} 3
            # HELP vigil_queue_unacked Queue state unacked.
            # TYPE vigil_queue_unacked gauge
            vigil_queue_unacked{system="celery",queue="a"} 2
            vigil_queue_unacked{system="celery",queue="b"} 0
            vigil_queue_unacked{system="celery"} 5

            """)
        var plain = RedisQueueExposition()
        plain.add(QueueReading(system: "redis", queue: "q", depth: 1))
        #expect(plain.bytes() == QueueReading.exposition([QueueReading(system: "redis", queue: "q", depth: 1)]))
    }
}
