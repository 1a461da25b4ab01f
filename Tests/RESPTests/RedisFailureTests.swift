import Foundation
import Glibc
import Testing
@testable import RESP

/// Failure paths against real sockets: dead servers, closed ports, slow replies, TLS.
@Suite struct RedisFailureTests {
    @Test(.enabled(if: RedisServer.available, "redis-server is not installed"))
    func serverKilledMidSessionThenRestarted() throws {
        let server = try RedisServer()
        let port = server.port
        let redis = RedisConnection(endpoint: server.endpoint(), options: .init(connectTimeout: 1, roundTripTimeout: 2))
        #expect(try redis.sendSync(["SET", "k", "v"]) == .simpleString("OK"))
        server.kill()
        do {
            _ = try redis.pipelineSync([["GET", "k"]])
            Issue.record("expected the dead connection to fail")
        } catch {
            guard case .connectionClosed(let address) = error else { Issue.record("\(error)"); return }
            #expect(address == "127.0.0.1:\(port)")
            #expect(error.description == "redis 127.0.0.1:\(port): connection closed by the server")
        }
        #expect(!redis.isConnected)
        // Next call reconnects: nothing listens yet, so it is refused.
        do {
            _ = try redis.pipelineSync([["GET", "k"]])
            Issue.record("expected connection refused")
        } catch {
            guard case .connectFailed(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason == "Connection refused")
        }
        // A new server on the same port: the same connection object recovers.
        let restarted = try RedisServer(port: port)
        #expect(try redis.sendSync(["GET", "k"]) == .null)  // fresh server, empty data
        restarted.kill()
    }

    @Test func nothingListening() throws {
        let port = try RedisServer.freePort()
        let redis = try RedisConnection(url: "redis://127.0.0.1:\(port)")
        #expect(throws: RedisError.connectFailed(address: "127.0.0.1:\(port)", reason: "Connection refused")) {
            try redis.pipelineSync([["PING"]])
        }
    }

    @Test func nothingListeningOverIPv6() throws {
        let port = try RedisServer.freePort()
        let redis = try RedisConnection(url: "redis://[::1]:\(port)")
        do {
            _ = try redis.pipelineSync([["PING"]])
            Issue.record("expected failure")
        } catch {
            // Refused where IPv6 loopback exists, "Cannot assign requested address" where it is disabled.
            guard case .connectFailed(let address, _) = error else { Issue.record("\(error)"); return }
            #expect(address == "[::1]:\(port)")
        }
    }

    @Test func unknownHost() throws {
        let redis = try RedisConnection(url: "redis://no-such-host.invalid:6379")
        do {
            _ = try redis.pipelineSync([["PING"]])
            Issue.record("expected failure")
        } catch {
            guard case .resolveFailed(let address, _) = error else { Issue.record("\(error)"); return }
            #expect(address == "no-such-host.invalid:6379")
        }
    }

    @Test(.enabled(if: RedisServer.available, "redis-server is not installed"))
    func roundTripTimeoutDropsTheConnection() throws {
        let server = try RedisServer()
        let redis = RedisConnection(endpoint: server.endpoint(), options: .init(roundTripTimeout: 0.3))
        // BLPOP on an empty list blocks for 2s on the server: longer than our round-trip timeout.
        #expect(throws: RedisError.timeout(address: "127.0.0.1:\(server.port)", seconds: 0.3)) {
            try redis.pipelineSync([["BLPOP", "empty", "2"]])
        }
        #expect(!redis.isConnected)
        // The late BLPOP reply cannot be mistaken for this one: it went to the dropped socket.
        _ = try redis.sendSync(["RPUSH", "empty", "x"])
        #expect(try redis.sendSync(["PING"]) == .simpleString("PONG"))
    }

    @Test func connectTimeout() throws {
        // A listener whose accept queue is full: the kernel drops further SYNs, so connect hangs.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) } }
        try #require(listen(listener, 0) == 0)
        let port = Int(UInt16(bigEndian: addr.sin_port))
        // Fill the queue with connections nobody accepts.
        var fillers: [RedisConnection] = []
        defer { fillers.forEach { $0.close() } }
        var sawTimeout = false
        for _ in 0..<8 {
            let redis = RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: port),
                                        options: .init(connectTimeout: 0.2, roundTripTimeout: 0.2))
            fillers.append(redis)
            do {
                _ = try redis.pipelineSync([["PING"]])
            } catch {
                if case .connectTimeout(let address, let seconds) = error {
                    #expect(address == "127.0.0.1:\(port)" && seconds == 0.2)
                    sawTimeout = true
                    break
                }
                // Connected into the backlog but never answered.
                #expect(error == .timeout(address: "127.0.0.1:\(port)", seconds: 0.2))
            }
        }
        #expect(sawTimeout)
    }

    @Test func emptyPipelineAndEmptyCommand() throws {
        let redis = RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: 1))
        #expect(try redis.pipelineSync([]) == [])
        #expect(throws: RedisError.invalidCommand("a command needs at least one argument")) { try redis.pipelineSync([[]]) }
    }

    @Test func tlsIsRefusedClearly() throws {
        let redis = try RedisConnection(url: "rediss://:pw-secret@127.0.0.1:6380")
        do {
            _ = try redis.pipelineSync([["PING"]])
            Issue.record("expected rediss:// to be refused")
        } catch {
            #expect(error == .tlsUnsupported(address: "127.0.0.1:6380"))
            #expect(error.description.contains("rediss:// (TLS) is not supported"))
            #expect(!error.description.contains("pw-secret"))
        }
    }

    @Test func cancelledTaskDoesNotSend() async throws {
        let redis = RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: 1))
        let task = Task { () async throws(RedisError) -> [RESPValue] in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await redis.pipeline([["PING"]])
        }
        let result = await task.result
        #expect(throws: RedisError.cancelled) { try result.get() }
    }
}
