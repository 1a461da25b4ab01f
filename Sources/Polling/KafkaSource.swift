import Exposition
import HTTP

/// Kafka consumer lag through kafka_exporter: scrapes the exporter like any Prometheus target,
/// keeps every series it exposes (so `kafka_topic_partition_current_offset` and friends can be
/// graphed), and adds `vigil_queue_depth`/`vigil_queue_consumers` per consumer group and topic
/// (see `KafkaLag`). Rates need two scrapes, so they are left to PromQL:
/// `sum by (topic) (rate(kafka_topic_partition_current_offset[1m]))` is the produce rate,
/// `sum by (consumergroup, topic) (rate(kafka_consumergroup_current_offset[1m]))` the consume rate.
public struct KafkaSource: PollSource {
    public let scrape: ScrapeSource
    public let instance: String

    public init(scrape: ScrapeSource, instance: String) {
        self.scrape = scrape
        self.instance = instance
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        var payload = try await scrape.poll(deadline: deadline)
        if let readings = KafkaLag.readings(payload.body, format: payload.format), !readings.isEmpty {
            payload.body = KafkaLag.appending(QueueReading.exposition(readings), to: payload.body, format: payload.format)
        }
        return payload
    }
}
