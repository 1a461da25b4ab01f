import Config
import Exposition
import Foundation
import HTTP
import Testing
@testable import Polling

/// Kafka has no broker in Debian, so these run on a kafka_exporter exposition kept as a fixture
/// (`Fixtures/kafka/kafka_exporter-1.7.0.prom`: kafka_exporter's real metric names, labels and
/// label order, with a partition that has no committed offset), served over real HTTP.
@Suite struct KafkaTests {
    typealias T = BrokerTestSupport

    static func fixture() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kafka/kafka_exporter-1.7.0.prom")
        return Array(try Data(contentsOf: url))
    }

    static func httpResponse(_ body: [UInt8], contentType: String = "text/plain; version=0.0.4; charset=utf-8") -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body
    }

    @Test func kindKafkaTakesTheExportersHTTPURL() async throws {
        let server = try BrokerFaultServer(.reply(Self.httpResponse(try Self.fixture())))
        defer { server.stop() }
        let yaml = """
            sources:
              - name: lag
                kind: kafka
                url: http://127.0.0.1:\(server.port)/metrics
            """
        let config = try ConfigLoader.parse(text: yaml, file: "k.yml")
        let source = try KafkaSource.configured(config.sources[0], client: HTTPClient())
        #expect(source.scrape.url == "http://127.0.0.1:\(server.port)/metrics")
        let s = try T.samples(try await source.poll(deadline: T.deadline(5)))
        #expect(T.value(s, "vigil_queue_depth", ["system": "kafka", "queue": "orders", "group": "billing"]) == 42)
    }

    @Test func derivesLagFromTheExporterAndKeepsItsSeries() async throws {
        let server = try BrokerFaultServer(.reply(Self.httpResponse(try Self.fixture())))
        defer { server.stop() }
        let config = try SourceURL.parse("kafka://127.0.0.1:\(server.port)")
        let source = try KafkaSource.configured(config, client: HTTPClient())
        #expect(source.scrape.url == "http://127.0.0.1:\(server.port)/metrics")
        #expect(source.instance == "127.0.0.1:\(server.port)")
        let s = try T.samples(try await source.poll(deadline: T.deadline(5)))
        // The exporter's own series stay.
        #expect(T.value(s, "kafka_topic_partitions", ["topic": "orders"]) == 3)
        #expect(T.value(s, "kafka_consumergroup_lag", ["consumergroup": "billing", "topic": "orders", "partition": "2"]) == -1)
        #expect(T.value(s, "kafka_brokers", [:]) == 3)
        // And the queue view is added.
        let billing = ["system": "kafka", "queue": "orders", "group": "billing"]
        #expect(T.value(s, "vigil_queue_depth", billing) == 42)
        #expect(T.value(s, "vigil_queue_consumers", billing) == 2)
        #expect(T.value(s, "vigil_queue_partitions", billing) == 3)
        #expect(T.value(s, "vigil_queue_partitions_without_offset", billing) == 1)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "orders", "group": "audit"]) == 0)
        #expect(T.value(s, "vigil_queue_depth", ["queue": "payments", "group": "audit"]) == 432)
        #expect(T.value(s, "vigil_queue_consumers", ["queue": "payments", "group": "audit"]) == 1)
        #expect(s.filter { $0.name == "vigil_queue_depth" }.count == 3)
        #expect(s.filter { $0.name == "vigil_queue_in_rate" }.isEmpty)  // left to PromQL
    }

    @Test func sumsPartitionsWithoutLagSumAndKeepsExporterLabels() throws {
        let body = Array("""
            # TYPE kafka_consumergroup_lag gauge
            kafka_consumergroup_lag{cluster="prod",consumergroup="g",partition="0",topic="t"} 5
            kafka_consumergroup_lag{cluster="prod",consumergroup="g",partition="1",topic="t"} -1
            kafka_consumergroup_lag{cluster="prod",consumergroup="g",partition="2",topic="t"} 7
            kafka_consumergroup_lag{cluster="test",consumergroup="g",partition="0",topic="t"} 1
            # TYPE kafka_consumergroup_members gauge
            kafka_consumergroup_members{cluster="prod",consumergroup="g"} 4
            """.utf8)
        let readings = try #require(KafkaLag.readings(body, format: .prometheusText))
        #expect(readings == [
            QueueReading(system: "kafka", queue: "t", depth: 12, consumers: 4,
                         extra: [("partitions", 3), ("partitions_without_offset", 1)],
                         labels: [("group", "g"), ("cluster", "prod")]),
            QueueReading(system: "kafka", queue: "t", depth: 1, consumers: nil,
                         extra: [("partitions", 1), ("partitions_without_offset", 0)],
                         labels: [("group", "g"), ("cluster", "test")]),
        ])
    }

    @Test func openMetricsKeepsEOFLast() throws {
        let body = Array("""
            # TYPE kafka_consumergroup_lag_sum gauge
            kafka_consumergroup_lag_sum{consumergroup="g",topic="t"} 9
            # EOF

            """.utf8)
        let readings = try #require(KafkaLag.readings(body, format: .openMetrics))
        let out = KafkaLag.appending(QueueReading.exposition(readings), to: body, format: .openMetrics)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasSuffix("# EOF\n"))
        let s = try T.samples(PollPayload(body: out, format: .openMetrics))
        #expect(T.value(s, "vigil_queue_depth", ["queue": "t", "group": "g"]) == 9)
    }

    @Test func otherBodiesPassThroughUntouched() async throws {
        let plain = Array("up 1\nsome_metric 2".utf8)  // no trailing newline, no kafka series
        #expect(try #require(KafkaLag.readings(plain, format: .prometheusText)).isEmpty)
        let broken = Array("kafka_consumergroup_lag{ 1\n".utf8)
        #expect(KafkaLag.readings(broken, format: .prometheusText) == nil)
        let server = try BrokerFaultServer(.reply(Self.httpResponse(broken)))
        defer { server.stop() }
        let source = try KafkaSource.configured(try SourceURL.parse("kafka://127.0.0.1:\(server.port)"), client: HTTPClient())
        #expect(try await source.poll(deadline: T.deadline(5)).body == broken)  // the ingester reports the parse error
    }

    @Test func connectionRefusedAndHang() async throws {
        let port = T.freePort()
        let refused = try KafkaSource.configured(try SourceURL.parse("kafka://127.0.0.1:\(port)"), client: HTTPClient())
        let error = await #expect(throws: PollError.self) { try await refused.poll(deadline: T.deadline(3)) }
        #expect(error?.description.contains("connection refused") == true)
        let server = try BrokerFaultServer(.hang)
        defer { server.stop() }
        let hung = try KafkaSource.configured(try SourceURL.parse("kafka://127.0.0.1:\(server.port)"), client: HTTPClient())
        let start = ContinuousClock.now
        await #expect(throws: PollError.self) { try await hung.poll(deadline: T.deadline(0.5)) }
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func defaultExporterPort() throws {
        let source = try KafkaSource.configured(try SourceURL.parse("kafka://exporter"), client: HTTPClient())
        #expect(source.scrape.url == "http://exporter:9308/metrics")
    }
}
