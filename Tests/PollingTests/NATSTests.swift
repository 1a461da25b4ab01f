import Config
import Foundation
import HTTP
import Testing
@testable import Polling

@Suite struct NATSTests {
    typealias T = BrokerTestSupport

    // MARK: - Against Debian's nats-server

    @Test func readsStreamsAndConsumers() async throws {
        guard NATSServer.executable != nil else {
            print("note: nats-server not installed; skipping the real-server test (apt-get install nats-server)")
            return
        }
        let server = try await T.offPool { try NATSServer() }
        defer { server.stop() }
        try await T.offPool {
            let c = try NATSTestClient(port: server.port)
            try c.request("$JS.API.STREAM.CREATE.ORDERS", #"{"name":"ORDERS","subjects":["orders.>"],"storage":"memory"}"#)
            try c.request("$JS.API.STREAM.CREATE.EVENTS", #"{"name":"EVENTS","subjects":["events.>"],"retention":"workqueue","storage":"memory"}"#)
            for name in ["worker", "audit"] {
                try c.request("$JS.API.CONSUMER.DURABLE.CREATE.ORDERS.\(name)",
                              #"{"stream_name":"ORDERS","config":{"durable_name":"\#(name)","ack_policy":"explicit"}}"#)
            }
            for i in 0..<10 { try c.request("orders.new", "order \(i)") }
            for i in 0..<4 { try c.request("events.x", "event \(i)") }
            let acks = try c.fetch(stream: "ORDERS", consumer: "worker", batch: 3)
            guard acks.count == 3 else { throw BrokerServerError("fetched \(acks.count) of 3") }
            try c.ack(acks[0])
        }

        let config = try SourceURL.parse("nats://127.0.0.1:\(server.monitorPort)")
        let source = try NATSSource.configured(config, client: HTTPClient())
        #expect(source.instance == "127.0.0.1:\(server.monitorPort)")
        var s: [T.Sample] = []
        let settled = await T.waitUntil(seconds: 5) {
            s = (try? T.samples(try await source.poll(deadline: T.deadline(5)))) ?? []
            return T.value(s, "vigil_queue_ack_pending", ["queue": "ORDERS/worker"]) == 2
        }
        #expect(settled)
        let orders = ["system": "nats", "queue": "ORDERS", "stream": "ORDERS", "account": "$G"]
        #expect(T.value(s, "vigil_queue_depth", orders) == 10)
        #expect(T.value(s, "vigil_queue_consumers", orders) == 2)
        #expect(T.value(s, "vigil_queue_enqueued_total", orders) == 10)
        #expect(T.value(s, "vigil_queue_bytes", orders).map { $0 > 0 } == true)
        let worker = ["system": "nats", "queue": "ORDERS/worker", "stream": "ORDERS", "consumer": "worker"]
        #expect(T.value(s, "vigil_queue_depth", worker) == 7)
        #expect(T.value(s, "vigil_queue_pending", worker) == 7)
        #expect(T.value(s, "vigil_queue_ack_pending", worker) == 2)
        #expect(T.value(s, "vigil_queue_redelivered", worker) == 0)
        #expect(T.value(s, "vigil_queue_delivered_total", worker) == 3)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "ORDERS/audit"]) == 10)
        #expect(T.value(s, "vigil_queue_delivered_total", ["queue": "ORDERS/audit"]) == 0)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "EVENTS"]) == 4)
        #expect(T.value(s, "vigil_queue_consumers", ["queue": "EVENTS"]) == 0)
        #expect(T.value(s, "vigil_nats_jetstream_streams", [:]) == 2)
        #expect(T.value(s, "vigil_nats_jetstream_consumers", [:]) == 2)
        #expect(T.value(s, "vigil_nats_jetstream_messages", [:]) == 14)
        #expect(T.value(s, "vigil_nats_jetstream_api_requests_total", [:]).map { $0 >= 4 } == true)
        print("tested against \(NATSServer.version())")
    }

    @Test func everyAccountIsRead() async throws {
        guard NATSServer.executable != nil else {
            print("note: nats-server not installed; skipping")
            return
        }
        let server = try await T.offPool { try NATSServer(accounts: ["TEAMA", "TEAMB", "TEAMC"]) }
        defer { server.stop() }
        try await T.offPool {
            for (account, n) in [("TEAMA", 1), ("TEAMB", 2), ("TEAMC", 3)] {
                let c = try NATSTestClient(port: server.port, user: account)
                try c.request("$JS.API.STREAM.CREATE.JOBS", #"{"name":"JOBS","subjects":["jobs"],"storage":"memory"}"#)
                for _ in 0..<n { try c.request("jobs", "x") }
            }
        }
        // A first page of one account makes the source ask again for all of them.
        let source = NATSSource(monitorURL: server.monitorURL, client: HTTPClient(), instance: "nats", pageSize: 1)
        let s = try T.samples(try await source.poll(deadline: T.deadline(5)))
        #expect(T.value(s, "vigil_queue_depth", ["queue": "JOBS", "account": "TEAMA"]) == 1)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "JOBS", "account": "TEAMB"]) == 2)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "JOBS", "account": "TEAMC"]) == 3)
    }

    @Test func jetStreamDisabledIsAClearError() async throws {
        guard NATSServer.executable != nil else {
            print("note: nats-server not installed; skipping")
            return
        }
        let server = try await T.offPool { try NATSServer(jetStream: false) }
        defer { server.stop() }
        let source = NATSSource(monitorURL: server.monitorURL, client: HTTPClient(), instance: "nats")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(5)) }
        #expect(error?.description == "NATS: JetStream is not enabled on this server (start nats-server with -js)")
    }

    @Test func theClientPortIsRefusedWithAHint() throws {
        let config = try SourceURL.parse("nats://10.0.0.1:4222")
        let error = #expect(throws: PollError.self) { try NATSSource.configured(config, client: HTTPClient()) }
        #expect(error?.description.contains("use nats://10.0.0.1:8222") == true)
        let defaulted = try NATSSource.configured(try SourceURL.parse("nats://10.0.0.1"), client: HTTPClient())
        #expect(defaulted.monitorURL == "http://10.0.0.1:8222")
    }

    // MARK: - Faults (the HTTP side)

    @Test func connectionRefused() async throws {
        let port = T.freePort()
        let source = NATSSource(monitorURL: "http://127.0.0.1:\(port)", client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("connection refused") == true)
    }

    @Test func garbageReply() async throws {
        let server = try BrokerFaultServer(.reply(Array("INFO {\"server_id\":\"x\"}\r\n".utf8)))
        defer { server.stop() }
        let source = NATSSource(monitorURL: "http://127.0.0.1:\(server.port)", client: HTTPClient(), instance: "x")
        await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
    }

    @Test func notJSON() async throws {
        let body = "<html>hello</html>"
        let server = try BrokerFaultServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)))
        defer { server.stop() }
        let source = NATSSource(monitorURL: "http://127.0.0.1:\(server.port)", client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("not valid JSON") == true)
    }

    @Test func bodyOverTheLimit() async throws {
        let body = "{\"pad\":\"" + String(repeating: "x", count: 5000) + "\"}"
        let server = try BrokerFaultServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)))
        defer { server.stop() }
        let source = NATSSource(monitorURL: "http://127.0.0.1:\(server.port)", settings: HTTPSettings(bodySizeLimit: 1000),
                                client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("body size limit exceeded") == true)
    }

    @Test func hangPastTheDeadline() async throws {
        let server = try BrokerFaultServer(.hang)
        defer { server.stop() }
        let source = NATSSource(monitorURL: "http://127.0.0.1:\(server.port)", client: HTTPClient(), instance: "x")
        let start = ContinuousClock.now
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(0.5)) }
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(error?.description.contains("context deadline exceeded") == true)
    }

    // MARK: - Decoding

    @Test func toleratesMissingFields() throws {
        var report = NATSJetStreamReport()
        let json = try JSONSerialization.jsonObject(with: Data(#"""
            {"account_details":[{"name":"A","stream_detail":[{"name":"S"},{"state":{}},
              {"name":"T","state":{"messages":5},"consumer_detail":[{"name":"c"},{"num_pending":"x"}]}]}],
             "reserved_memory":18446744073709551615}
            """#.utf8))
        try report.add(json)
        #expect(report.readings.map(\.queue) == ["S", "T", "T/c"])
        #expect(report.readings.map(\.depth) == [0, 5, 0])
        #expect(throws: PollError.self) { try report.add([1, 2]) }
    }
}
