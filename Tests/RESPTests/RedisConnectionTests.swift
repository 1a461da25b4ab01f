import Foundation
import Testing
@testable import RESP

private func bulk(_ s: String) -> RESPValue { .bulkString(Array(s.utf8)) }

/// Commands Vigil sends, against a real `redis-server` started for each test.
/// Skipped (with a note) when `redis-server` is not installed: `apt-get install -y redis-server`.
@Suite(.enabled(if: RedisServer.available, "redis-server is not installed (apt-get install -y redis-server)"))
struct RedisConnectionTests {
    @Test func eachReplyType() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        let replies = try redis.pipelineSync([
            ["PING"], ["SET", "s", "hello"], ["GET", "s"], ["GET", "missing"], ["INCRBY", "n", "-5"],
            ["LLEN", "s"], ["NOSUCHCOMMAND"], ["RPUSH", "l", "a", "b", "c"], ["LRANGE", "l", "0", "-1"],
            ["LRANGE", "nothing", "0", "-1"], ["BLPOP", "empty", "0.01"], ["SET", "bin", "a\r\nb\u{0}é"], ["GET", "bin"],
        ])
        #expect(replies.count == 13)
        #expect(replies[0] == .simpleString("PONG"))
        #expect(replies[1] == .simpleString("OK"))
        #expect(replies[2] == bulk("hello"))
        #expect(replies[3] == .null)
        #expect(replies[4] == .integer(-5))
        #expect(replies[5].errorCode == "WRONGTYPE")
        #expect(replies[6].errorCode == "ERR")
        #expect(replies[6].errorMessage?.contains("unknown command") == true)
        #expect(replies[7] == .integer(3))
        #expect(replies[8] == .array([bulk("a"), bulk("b"), bulk("c")]))
        #expect(replies[9] == .array([]))
        #expect(replies[10] == .null)  // BLPOP timeout: the null array
        #expect(replies[12] == bulk("a\r\nb\u{0}é"))
    }

    @Test func singleCommandErrorReplyThrowsServerText() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        _ = try redis.sendSync(["SET", "s", "x"])
        do {
            _ = try redis.sendSync(["LLEN", "s"])
            Issue.record("expected WRONGTYPE")
        } catch {
            guard case .server(_, let message) = error else { Issue.record("\(error)"); return }
            #expect(message.hasPrefix("WRONGTYPE"))
        }
        // The connection is still usable after an error reply.
        #expect(try redis.sendSync(["PING"]) == .simpleString("PONG"))
        #expect(redis.isConnected)
    }

    @Test func pipelineOfThousandCommands() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        let pushes = (0..<1000).map { ["RPUSH", "queue:\($0 % 10)", "job-\($0)"] }
        let pushReplies = try redis.pipelineSync(pushes)
        #expect(pushReplies.count == 1000)
        #expect(pushReplies[999] == .integer(100))
        let lengths = try redis.pipelineSync((0..<1000).map { ["LLEN", "queue:\($0 % 10)"] })
        #expect(lengths.count == 1000)
        #expect(lengths.allSatisfy { $0 == .integer(100) })
        let oldest = try redis.pipelineSync((0..<10).map { ["LINDEX", "queue:\($0)", "0"] })
        #expect(oldest == (0..<10).map { bulk("job-\($0)") })
    }

    @Test func largePipelineInterleavesReadsAndWrites() throws {
        // ~10 MiB of requests and replies: neither side may stall on a full socket buffer.
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        let value = String(repeating: "v", count: 1000)
        let sets = (0..<10_000).map { ["SET", "k\($0)", value] }
        #expect(try redis.pipelineSync(sets).allSatisfy { $0 == .simpleString("OK") })
        let gets = try redis.pipelineSync((0..<10_000).map { ["GET", "k\($0)"] })
        #expect(gets.count == 10_000 && gets.allSatisfy { $0 == bulk(value) })
    }

    @Test func authWithPassword() throws {
        let server = try RedisServer(password: "hunter2-secret")
        // No password: the command's reply is NOAUTH.
        let anonymous = try RedisConnection(url: server.url)
        #expect(try anonymous.pipelineSync([["LLEN", "q"]])[0].errorCode == "NOAUTH")
        // Wrong password: authenticationFailed with the server's text, never the password.
        let wrong = RedisConnection(endpoint: server.endpoint(password: "not-the-password"))
        do {
            _ = try wrong.pipelineSync([["PING"]])
            Issue.record("expected authentication failure")
        } catch {
            guard case .authenticationFailed(_, let message) = error else { Issue.record("\(error)"); return }
            #expect(message.hasPrefix("WRONGPASS"))
            #expect(!error.description.contains("not-the-password"))
            #expect(!wrong.isConnected)
        }
        // Right password, from a URL.
        let right = try RedisConnection(url: "redis://:hunter2-secret@127.0.0.1:\(server.port)")
        #expect(try right.sendSync(["LLEN", "q"]) == .integer(0))
        #expect(!right.endpoint.description.contains("hunter2"))
    }

    @Test func authWithACLUser() throws {
        let server = try RedisServer()
        let admin = try RedisConnection(url: server.url)
        _ = try admin.sendSync(["ACL", "SETUSER", "vigil", "on", ">s3cret-pw", "~queue:*", "+llen", "+ping"])
        let user = try RedisConnection(url: "redis://vigil:s3cret-pw@127.0.0.1:\(server.port)")
        #expect(try user.sendSync(["LLEN", "queue:a"]) == .integer(0))
        // ACL refusal comes back as an error value with the server's text.
        #expect(try user.pipelineSync([["GET", "other"]])[0].errorCode == "NOPERM")
        let wrong = RedisConnection(endpoint: server.endpoint(username: "vigil", password: "bad-pw"))
        do {
            _ = try wrong.sendSync(["PING"])
            Issue.record("expected WRONGPASS")
        } catch {
            guard case .authenticationFailed = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("WRONGPASS"))
            #expect(!error.description.contains("bad-pw"))
        }
    }

    @Test func selectDatabase() throws {
        let server = try RedisServer()
        let db3 = try RedisConnection(url: server.url + "/3")
        _ = try db3.sendSync(["SET", "only-in-3", "x"])
        let db0 = try RedisConnection(url: server.url)
        #expect(try db0.sendSync(["EXISTS", "only-in-3"]) == .integer(0))
        #expect(try db3.sendSync(["EXISTS", "only-in-3"]) == .integer(1))
        let bad = RedisConnection(endpoint: server.endpoint(database: 999))
        do {
            _ = try bad.sendSync(["PING"])
            Issue.record("expected SELECT to fail")
        } catch {
            guard case .server(_, let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("DB index is out of range"))
        }
    }

    @Test func scanIteratesAllKeys() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        _ = try redis.pipelineSync((0..<2500).map { ["RPUSH", "rq:queue:\($0)", "j"] })
        _ = try redis.pipelineSync((0..<300).map { ["ZADD", "rq:zset:\($0)", "1", "m"] })
        _ = try redis.sendSync(["SET", "other", "x"])
        let queues = try redis.scanKeysSync(matching: "rq:queue:*", count: 100)
        #expect(queues.count == 2500)
        #expect(Set(queues) == Set((0..<2500).map { "rq:queue:\($0)" }))
        let zsets = try redis.scanKeysSync(matching: "rq:*", type: "zset", count: 500)
        #expect(zsets.count == 300)
        #expect(try redis.scanKeysSync(matching: "nothing:*").isEmpty)
        do {
            _ = try redis.scanKeysSync(matching: "rq:*", maxKeys: 10)
            Issue.record("expected the key bound to stop the scan")
        } catch {
            #expect(error.description.contains("more than 10 keys"))
        }
    }

    @Test func streamsAndConsumerGroups() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        _ = try redis.pipelineSync((0..<5).map { ["XADD", "events", "*", "job", "\($0)"] })
        #expect(try redis.sendSync(["XLEN", "events"]) == .integer(5))
        #expect(try redis.sendSync(["XGROUP", "CREATE", "events", "workers", "0"]) == .simpleString("OK"))
        let read = try redis.sendSync(["XREADGROUP", "GROUP", "workers", "w1", "COUNT", "2", "STREAMS", "events", ">"])
        #expect(read.array?.first?.array?[1].array?.count == 2)
        let groups = try #require(try redis.sendSync(["XINFO", "GROUPS", "events"]).array)
        #expect(groups.count == 1)
        let group = try #require(groups[0].fieldMap)
        #expect(group["name"]?.string == "workers")
        #expect(group["consumers"]?.integer == 1)
        #expect(group["pending"]?.integer == 2)
        #expect(group["lag"]?.integer == 3)  // Redis 7: entries not yet delivered to the group
        #expect(try redis.sendSync(["TYPE", "events"]) == .simpleString("stream"))
    }

    @Test func sortedSetsHashesAndInfo() throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        _ = try redis.sendSync(["ZADD", "schedule", "1700000000.25", "job-a", "1700000100", "job-b"])
        let withScores = try #require(try redis.sendSync(["ZRANGE", "schedule", "0", "0", "WITHSCORES"]).array)
        #expect(withScores.first?.string == "job-a")
        #expect(withScores.last?.double == 1_700_000_000.25)
        #expect(try redis.sendSync(["ZCARD", "schedule"]) == .integer(2))
        _ = try redis.sendSync(["HSET", "bull:q:1", "timestamp", "1700000000000", "name", "email"])
        let hash = try #require(try redis.sendSync(["HGETALL", "bull:q:1"]).fieldMap)
        #expect(hash["timestamp"]?.integer == 1_700_000_000_000)
        #expect(try redis.sendSync(["HGET", "bull:q:1", "name"]).string == "email")
        #expect(try redis.sendSync(["HGET", "bull:q:1", "nope"]) == .null)
        let info = RedisInfo(parsing: try #require(try redis.sendSync(["INFO"]).string))
        #expect(info.sections["server"]?["redis_version"]?.isEmpty == false)
        #expect(info.sections["keyspace"]?["db0"].map(RedisInfo.fields)?["keys"] == "2")
    }

    @Test func hostnameResolution() throws {
        // "localhost" may resolve to ::1 first (nothing listens there): the next address is tried.
        let server = try RedisServer()
        let redis = try RedisConnection(url: "redis://localhost:\(server.port)")
        #expect(try redis.sendSync(["PING"]) == .simpleString("PONG"))
    }

    @Test func asyncPipelineAndConcurrentCallers() async throws {
        let server = try RedisServer()
        let redis = try RedisConnection(url: server.url)
        let replies = try await redis.pipeline([["SET", "a", "1"], ["GET", "a"]])
        #expect(replies == [.simpleString("OK"), bulk("1")])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await redis.send("INCR", "counter") }
            }
            try await group.waitForAll()
        }
        #expect(try await redis.send("GET", "counter") == bulk("20"))
        #expect(try await redis.scanKeys(matching: "count*") == ["counter"])
        do {
            _ = try await redis.send("LPOP", "a")
            Issue.record("expected WRONGTYPE")
        } catch {
            guard case .server(_, let message) = error else { Issue.record("\(error)"); return }
            #expect(message.hasPrefix("WRONGTYPE"))
        }
    }

    @Test func decoderLimitsApplyToRealReplies() throws {
        let server = try RedisServer()
        let limits = RESPLimits(maxBulkLength: 64, maxArrayLength: 10)
        let redis = RedisConnection(endpoint: server.endpoint(), options: .init(limits: limits))
        _ = try redis.sendSync(["SET", "big", String(repeating: "x", count: 100)])
        do {
            _ = try redis.sendSync(["GET", "big"])
            Issue.record("expected the bulk limit to trip")
        } catch {
            guard case .protocolError(_, let e) = error else { Issue.record("\(error)"); return }
            // Offsets count from the start of the connection: after SET's "+OK\r\n", the length is at byte 6.
            #expect(e == RESPProtocolError(.bulkTooLong(declared: 100, limit: 64), offset: 6))
        }
        #expect(!redis.isConnected)
        // New connection: the twenty RPUSH replies take 91 bytes, so LRANGE's count is at byte 92.
        _ = try redis.pipelineSync((0..<20).map { ["RPUSH", "list", "\($0)"] })
        #expect(throws: RedisError.protocolError(address: "127.0.0.1:\(server.port)",
                                                 RESPProtocolError(.arrayTooLong(declared: 20, limit: 10), offset: 92))) {
            try redis.sendSync(["LRANGE", "list", "0", "-1"])
        }
        #expect(try redis.sendSync(["LLEN", "list"]) == .integer(20))
    }

    @Test func errorTextEchoingThePasswordIsMasked() throws {
        let server = try RedisServer(password: "echo-me-secret")
        let redis = RedisConnection(endpoint: server.endpoint(password: "echo-me-secret"))
        // A Lua script makes the real server reply with an error that contains our password.
        let reply = try redis.pipelineSync([["EVAL", "return redis.error_reply('ERR leaked ' .. ARGV[1])", "0", "echo-me-secret"]])[0]
        #expect(reply == .error("ERR leaked ***"))
        do {
            _ = try redis.sendSync(["EVAL", "return redis.error_reply('ERR leaked ' .. ARGV[1])", "0", "echo-me-secret"])
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("echo-me-secret"))
        }
    }
}
