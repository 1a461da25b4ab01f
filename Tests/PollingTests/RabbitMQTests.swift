import Config
import Foundation
import HTTP
import Testing
@testable import Polling

@Suite struct RabbitMQTests {
    typealias T = BrokerTestSupport

    static let publish = """
        import pika, sys
        port, vhost, queue, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
        c = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port, virtual_host=vhost))
        ch = c.channel()
        ch.queue_declare(queue=queue)
        for i in range(n):
            ch.basic_publish(exchange="", routing_key=queue, body=b"m%d" % i)
        c.close()
        """

    /// Consumes without acknowledging, so `prefetch` messages stay unacked while it runs.
    static let holdUnacked = """
        import pika, sys, time
        port, queue, prefetch = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
        c = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port))
        ch = c.channel()
        ch.basic_qos(prefetch_count=prefetch)
        ch.basic_consume(queue=queue, on_message_callback=lambda *a: None)
        end = time.time() + 60
        while time.time() < end:
            c.process_data_events(time_limit=1)
        """

    // MARK: - Against Debian's RabbitMQ (one server for all checks: it takes seconds to start)

    @Test(.timeLimit(.minutes(3))) func realServer() async throws {
        guard RabbitMQServer.available else {
            print("note: rabbitmq-server or python3-pika not installed; skipping (apt-get install rabbitmq-server python3-pika)")
            return
        }
        let server = try await RabbitMQServer()
        defer { server.stop() }
        let client = HTTPClient()
        try await Self.put(client, "\(server.managementURL)/api/vhosts/staging", "{}")
        try await Self.put(client, "\(server.managementURL)/api/permissions/staging/guest",
                           #"{"configure":".*","write":".*","read":".*"}"#)
        let published = try await T.offPool {
            [["/", "orders", "7"], ["/", "idle", "0"], ["/", "emails.high", "3"], ["staging", "orders", "4"]]
                .map { server.python(Self.publish, $0) }
        }
        #expect(published == [0, 0, 0, 0])
        let consumer = try server.backgroundPython(Self.holdUnacked, ["orders", "2"])
        defer { RabbitMQServer.stopBackground(consumer) }

        // The URL form a user types, default vhost.
        let config = try SourceURL.parse("rabbitmq://guest:guest@127.0.0.1:\(server.managementPort)")
        let source = try RabbitMQSource.configured(config, client: client)
        #expect(source.vhost == "/")
        #expect(source.instance == "127.0.0.1:\(server.managementPort)")
        var s: [T.Sample] = []
        let orders = ["system": "rabbitmq", "queue": "orders", "vhost": "/"]
        let settled = await T.waitUntil(seconds: 30, step: 0.25) {
            s = (try? T.samples(try await source.poll(deadline: T.deadline(5)))) ?? []
            return T.value(s, "vigil_queue_unacked", orders) == 2 && T.value(s, "vigil_queue_consumers", orders) == 1
                && T.value(s, "vigil_queue_enqueued_total", orders) == 7 && T.value(s, "vigil_queue_delivered_total", orders) == 2
        }
        #expect(settled, "readings: \(s)")
        #expect(T.value(s, "vigil_queue_depth", orders) == 7)
        #expect(T.value(s, "vigil_queue_ready", orders) == 5)
        #expect(T.value(s, "vigil_queue_in_rate", orders) != nil)
        #expect(T.value(s, "vigil_queue_out_rate", orders) != nil)
        let idle = ["system": "rabbitmq", "queue": "idle", "vhost": "/"]
        #expect(T.value(s, "vigil_queue_depth", idle) == 0)
        #expect(T.value(s, "vigil_queue_in_rate", idle) == 0)  // no message_stats at all: nothing happened
        #expect(T.value(s, "vigil_queue_depth", ["queue": "emails.high"]) == 3)
        #expect(s.filter { $0.name == "vigil_queue_depth" }.count == 3)  // staging's queue is not in "/"

        // A vhost from the URL path; every vhost with "*"; one queue per page.
        let staging = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://127.0.0.1:\(server.managementPort)/staging"), client: client)
        let st = try T.samples(try await staging.poll(deadline: T.deadline(5)))
        #expect(st.filter { $0.name == "vigil_queue_depth" }.map(\.labels) == [["system": "rabbitmq", "queue": "orders", "vhost": "staging"]])
        let all = try RabbitMQSource(managementURL: server.managementURL, vhost: nil, queuePattern: nil, settings: HTTPSettings(),
                                     client: client, instance: "x", fallbackAuthorization: .basic(username: "guest", password: "guest"),
                                     pageSize: 1)
        let everything = try T.samples(try await all.poll(deadline: T.deadline(10)))
        #expect(everything.filter { $0.name == "vigil_queue_depth" }.count == 4)
        #expect(T.value(everything, "vigil_queue_depth", ["queue": "orders", "vhost": "staging"]) == 4)

        // The queue pattern matches whole names, as a Prometheus matcher would.
        let filtered = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://127.0.0.1:\(server.managementPort)?queues=emails%5C..*"), client: client)
        let f = try T.samples(try await filtered.poll(deadline: T.deadline(5)))
        #expect(f.filter { $0.name == "vigil_queue_depth" }.map { $0.labels["queue"] } == ["emails.high"])
        let partial = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://127.0.0.1:\(server.managementPort)?queues=mail"), client: client)
        #expect(try T.samples(try await partial.poll(deadline: T.deadline(5))).isEmpty)

        // Wrong password and unknown vhost: words, not status codes.
        let wrong = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://guest:nope@127.0.0.1:\(server.managementPort)"), client: client)
        let authError = await #expect(throws: PollError.self) { try await wrong.poll(deadline: T.deadline(5)) }
        #expect(authError?.description == "RabbitMQ at 127.0.0.1:\(server.managementPort): authentication failed (check user and password)")
        #expect(authError?.description.contains("nope") == false)
        let missing = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://127.0.0.1:\(server.managementPort)/nowhere"), client: client)
        let vhostError = await #expect(throws: PollError.self) { try await missing.poll(deadline: T.deadline(5)) }
        #expect(vhostError?.description.contains("vhost \"nowhere\" not found") == true)

        // The AMQP port is not the management API: a clear failure, not a hang.
        let amqp = try RabbitMQSource(managementURL: "http://127.0.0.1:\(server.amqpPort)", vhost: "/", queuePattern: nil,
                                      settings: HTTPSettings(), client: client, instance: "x")
        await #expect(throws: PollError.self) { try await amqp.poll(deadline: T.deadline(5)) }
        print("tested against \(RabbitMQServer.version())")
    }

    static func put(_ client: HTTPClient, _ url: String, _ json: String) async throws {
        var request = HTTPRequest(method: "PUT", url: try HTTPURL(url), body: Array(json.utf8))
        request.headers.set("Content-Type", "application/json")
        request.authorization = .basic(username: "guest", password: "guest")
        let response = try await client.send(request, timeout: .seconds(10), bodyLimit: 1 << 20)
        try response.requireSuccess(method: "PUT")
    }

    // MARK: - URL forms

    @Test func urlForms() throws {
        func make(_ url: String) throws -> RabbitMQSource {
            try RabbitMQSource.configured(try SourceURL.parse(url), client: HTTPClient())
        }
        #expect(try make("rabbitmq://h").managementURL == "http://h:15672")
        #expect(try make("amqp://h:5672/prod").managementURL == "http://h:15672")
        #expect(try make("amqp://h:5672/prod").vhost == "prod")
        #expect(try make("amqps://h").managementURL == "https://h:15671")
        #expect(try make("rabbitmq://h:1234/%2Fweird").vhost == "/weird")
        #expect(try make("rabbitmq://h/*").vhost == nil)
        #expect(try make("rabbitmq://h").url(page: 2).hasPrefix("http://h:15672/api/queues/%2F?page=2&page_size=500&columns=name,"))
        var config = try SourceURL.parse("rabbitmq://h:15672")
        config.url = "https://h:8443/rabbit/"
        config.rabbitmq?.vhost = "*"
        let prefixed = try RabbitMQSource.configured(config, client: HTTPClient())
        #expect(prefixed.url(page: 1).hasPrefix("https://h:8443/rabbit/api/queues?page=1"))
    }

    @Test func credentialsNeverShow() throws {
        let source = try RabbitMQSource.configured(try SourceURL.parse("rabbitmq://admin:s3cret@h:15672"), client: HTTPClient())
        #expect(!"\(source)".contains("s3cret"))
        #expect(!source.managementURL.contains("s3cret"))
    }

    // MARK: - Faults

    @Test func connectionRefused() async throws {
        let port = T.freePort()
        let source = try RabbitMQSource(managementURL: "http://127.0.0.1:\(port)", vhost: "/", queuePattern: nil,
                                        settings: HTTPSettings(), client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description == "Get \"http://127.0.0.1:\(port)/api/queues/%2F\": dial tcp 127.0.0.1:\(port): connect: connection refused")
    }

    @Test func unexpectedJSON() async throws {
        let body = #"{"hello":"world"}"#
        let server = try BrokerFaultServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)))
        defer { server.stop() }
        let source = try RabbitMQSource(managementURL: "http://127.0.0.1:\(server.port)", vhost: "/", queuePattern: nil,
                                        settings: HTTPSettings(), client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description == "RabbitMQ: unexpected reply to /api/queues: an object without \"items\"")
    }

    @Test func bodyOverTheLimit() async throws {
        let server = try BrokerFaultServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n[".utf8)))
        defer { server.stop() }
        let source = try RabbitMQSource(managementURL: "http://127.0.0.1:\(server.port)", vhost: "/", queuePattern: nil,
                                        settings: HTTPSettings(bodySizeLimit: 4096), client: HTTPClient(), instance: "x")
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("body size limit exceeded") == true)
    }

    @Test func hangPastTheDeadline() async throws {
        let server = try BrokerFaultServer(.hang)
        defer { server.stop() }
        let source = try RabbitMQSource(managementURL: "http://127.0.0.1:\(server.port)", vhost: "/", queuePattern: nil,
                                        settings: HTTPSettings(), client: HTTPClient(), instance: "x")
        let start = ContinuousClock.now
        let error = await #expect(throws: PollError.self) { try await source.poll(deadline: T.deadline(0.5)) }
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(error?.description.contains("context deadline exceeded") == true)
    }

    // MARK: - Decoding

    @Test func toleratesMissingAndOddFields() throws {
        let json = try JSONSerialization.jsonObject(with: Data(#"""
            [{"name":"a","vhost":"/","messages":3,"messages_ready":1,"messages_unacknowledged":2,"consumers":1,
              "message_stats":{"publish":9,"publish_details":{"rate":1.5},"deliver_get":4}},
             {"name":"down","vhost":"/"},
             {"name":"split","messages_ready":2,"messages_unacknowledged":1},
             {"name":true},
             "nonsense",
             {"name":"bools","messages":true,"messages_ready":1,"messages_unacknowledged":0}]
            """#.utf8))
        let page = try RabbitMQQueuePage(json)
        #expect(page.pageCount == nil)
        #expect(page.queues.map(\.name) == ["a", "split", "bools"])
        let a = page.queues[0].reading
        #expect(a.depth == 3 && a.consumers == 1 && a.inRate == 1.5)
        #expect(a.outRate == nil)  // a count without details: the server keeps no rates
        #expect(page.queues[0].counters.map(\.value) == [9, 4])
        #expect(page.queues[1].reading.depth == 3)
        #expect(page.queues[2].reading.depth == 1)  // `true` is not a number
        #expect(throws: PollError.self) { try RabbitMQQueuePage("text") }
    }
}
