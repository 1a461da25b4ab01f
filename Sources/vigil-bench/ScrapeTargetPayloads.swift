import Foundation
import Synchronization

/// The scrape benchmark targets' responses, rendered ahead of time: each target is an exporter of
/// `seriesPerTarget` series (counters, gauges, histograms, summaries from `PayloadGenerator`, with
/// its own rates and levels), and once a second a thread of its own moves every value on and
/// renders the full HTTP response again. Both tools therefore ingest values that change between
/// their scrapes, while the server only hands out a ready byte array.
final class ScrapeTargetPayloads: Sendable {
    let count: Int
    let seriesPerTarget: Int
    private let responses: Mutex<[[UInt8]]>
    private let generators: Mutex<[PayloadGenerator]>
    private let stopping = Atomic<Bool>(false)
    /// Wall time spent rendering so far, in nanoseconds (for the report).
    private let renderNanos = Atomic<UInt64>(0)

    init(targets: Int, seriesPerTarget: Int) {
        count = targets
        self.seriesPerTarget = seriesPerTarget
        var generators: [PayloadGenerator] = []
        var responses: [[UInt8]] = []
        for i in 0..<targets {
            var g = PayloadGenerator(seriesCount: seriesPerTarget, seed: UInt64(i) &* 7919 &+ 1)
            g.advance(seconds: 60)
            responses.append(ScrapeTargetPayloads.render(g.payload()))
            generators.append(g)
        }
        self.generators = Mutex(generators)
        self.responses = Mutex(responses)
    }

    /// Size of one target's body in bytes (they differ by a few bytes with their values).
    var bodyBytes: Int { responses.withLock { $0.first.map { $0.count } ?? 0 } }

    /// The current response of target `i`: status line, headers and body.
    func response(for i: Int) -> [UInt8] { responses.withLock { $0[i] } }

    /// Renders new values every second until `stop()`.
    func start() {
        let thread = Thread { [self] in
            var next = DispatchTime.now().uptimeNanoseconds + 1_000_000_000
            while !self.stopping.load(ordering: .acquiring) {
                let now = DispatchTime.now().uptimeNanoseconds
                if now < next {
                    usleep(UInt32(min(100_000, (next - now) / 1000)))
                    continue
                }
                next += 1_000_000_000
                self.renderAll()
                self.renderNanos.add(DispatchTime.now().uptimeNanoseconds - now, ordering: .relaxed)
            }
        }
        thread.name = "bench-payloads"
        thread.start()
    }

    func stop() { stopping.store(true, ordering: .releasing) }

    /// Seconds spent rendering so far.
    var renderSeconds: Double { Double(renderNanos.load(ordering: .relaxed)) / 1e9 }

    private func renderAll() {
        for i in 0..<count {
            let body: [UInt8] = generators.withLock { g in
                g[i].advance(seconds: 1)
                return g[i].payload()
            }
            let response = ScrapeTargetPayloads.render(body)
            responses.withLock { $0[i] = response }
        }
    }

    /// A complete `200 OK` in Prometheus's text format, kept alive.
    static func render(_ body: [UInt8]) -> [UInt8] {
        var out = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}
