import Testing
@testable import Polling

@Suite struct QueueReadingTests {
    @Test func familiesAreGrouped() {
        let text = String(decoding: QueueReading.exposition([
            QueueReading(system: "redis", queue: "a", depth: 3, extra: [("oldest_age_seconds", 1.5)]),
            QueueReading(system: "redis", queue: "b\"x", depth: 0, consumers: 2),
        ]), as: UTF8.self)
        #expect(text == """
            # HELP vigil_queue_depth Messages waiting in the queue.
            # TYPE vigil_queue_depth gauge
            vigil_queue_depth{system="redis",queue="a"} 3
            vigil_queue_depth{system="redis",queue="b\\"x"} 0
            # HELP vigil_queue_oldest_age_seconds Queue state oldest age seconds.
            # TYPE vigil_queue_oldest_age_seconds gauge
            vigil_queue_oldest_age_seconds{system="redis",queue="a"} 1.5
            # HELP vigil_queue_consumers Consumers attached to the queue.
            # TYPE vigil_queue_consumers gauge
            vigil_queue_consumers{system="redis",queue="b\\"x"} 2

            """)
    }
}
