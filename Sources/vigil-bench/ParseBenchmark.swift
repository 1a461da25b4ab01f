import Arguments
import Exposition
import Foundation
import Scrape
import TimeSeries

/// `vigil-bench parse`: parse + ingest throughput against Prometheus's expfmt, and resident
/// memory per retained sample.
enum ParseBenchmark {
    static let spec = CommandSpec(
        "parse", summary: "Parse + ingest throughput (vs expfmt) and bytes per retained sample.",
        options: [
            OptionSpec("series", value: "N", help: "Series in the generated exposition (default 100000)."),
            OptionSpec("rounds", value: "N", help: "Repeated scrapes timed (default 20)."),
            OptionSpec("retained", value: "N", help: "Samples per series for the memory figure (default 360)."),
            OptionSpec("no-peer", help: "Skip the expfmt peer."),
        ])

    static func run(_ args: ParsedArguments) throws {
        let seriesCount = Int(args.value("series") ?? "") ?? 100_000
        let rounds = Int(args.value("rounds") ?? "") ?? 20
        let retained = Int(args.value("retained") ?? "") ?? 360
        var generator = PayloadGenerator(seriesCount: seriesCount)
        generator.advance(seconds: 15)
        let payload = generator.payload()
        let mb = Double(payload.count) / 1e6
        print("payload: \(seriesCount) series, \(String(format: "%.1f", mb)) MB")

        // First scrape: every series is new (labels parsed, series created).
        let store = SeriesStore(retention: 24 * 3_600_000)
        var ingester = ScrapeIngester(store: store, target: TargetLabels(Labels(["job": "bench", "instance": "a:1"])))
        var t: Int64 = 1_700_000_000_000
        var firstReport = ScrapeReport()
        let first = try BenchClock.seconds {
            firstReport = try ingester.ingest(payload, format: .prometheusText, at: t)
        }
        guard firstReport.samplesScraped == seriesCount else {
            throw PeerProgram.Failure(description: "first scrape saw \(firstReport.samplesScraped) samples")
        }
        let firstRate = Double(seriesCount) / first
        print(String(format: "vigil first scrape:    %10.0f samples/s  %7.1f MB/s  (%.1f ms)",
                     firstRate, mb / first, first * 1000))

        // Repeated scrapes of the same payload: the scrape cache path.
        var best = Double.infinity
        var total = 0.0
        for _ in 0..<rounds {
            t += 15_000
            let s = try BenchClock.seconds { _ = try ingester.ingest(payload, format: .prometheusText, at: t) }
            best = min(best, s)
            total += s
        }
        let repeatRate = Double(seriesCount * rounds) / total
        print(String(format: "vigil repeated scrape: %10.0f samples/s  %7.1f MB/s  (mean %.1f ms, best %.1f ms)",
                     repeatRate, mb * Double(rounds) / total, total / Double(rounds) * 1000, best * 1000))

        // The peer on the same bytes.
        var peerRate = 0.0
        if !args.flag("no-peer") {
            let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vigil-bench-payload.prom")
            try Data(payload).write(to: file)
            let peer = try PeerProgram.buildGo("expfmt-parse")
            let r = try PeerProgram.run(peer, [file.path, String(max(3, rounds / 4))])
            guard r.status == 0, let field = r.output.split(separator: " ").first(where: { $0.hasPrefix("samples_per_sec=") }),
                  let rate = Double(field.dropFirst("samples_per_sec=".count).trimmingCharacters(in: .whitespacesAndNewlines))
            else { throw PeerProgram.Failure(description: "expfmt peer failed: \(r.output)") }
            peerRate = rate
            print(String(format: "expfmt TextParser:     %10.0f samples/s  (prometheus/common, same payload)", peerRate))
        }

        let bytesPerSample = try measureRetained(seriesCount: seriesCount, samples: retained)
        let ratio = peerRate > 0 ? repeatRate / peerRate : 0
        print(String(format: "ratio (vigil repeated / expfmt): %.1fx", ratio))
        print(String(format: "result: samples_per_sec=%.0f first_scrape_samples_per_sec=%.0f mb_per_sec=%.1f expfmt_samples_per_sec=%.0f ratio=%.2f bytes_per_sample=%.2f",
                     repeatRate, firstRate, mb * Double(rounds) / total, peerRate, ratio, bytesPerSample))
    }

    /// Fills a fresh store with `samples` scrapes of realistic values through the real ingest path
    /// and returns the growth of resident memory per retained sample.
    static func measureRetained(seriesCount: Int, samples: Int) throws -> Double {
        ResidentMemory.trim()
        var generator = PayloadGenerator(seriesCount: seriesCount, seed: 7)
        var rng = SplitMix64(seed: 99)
        // Lay out the payload buffer before the baseline so it is not counted.
        generator.advance(seconds: 15)
        var payload = generator.payload()
        payload.reserveCapacity(payload.count * 2)
        ResidentMemory.trim()
        let before = ResidentMemory.bytes()
        let store = SeriesStore(retention: 7 * 24 * 3_600_000)
        var ingester = ScrapeIngester(store: store, target: TargetLabels(Labels(["job": "bench", "instance": "a:1"])))
        var t: Int64 = 1_700_000_000_000
        let elapsed = try BenchClock.seconds {
            for _ in 0..<samples {
                _ = try ingester.ingest(payload, format: .prometheusText, at: t)
                generator.advance(seconds: 15)
                payload = generator.payload()
                t += 15_000 + Int64(rng.next() % 5)  // a few ms of jitter
            }
        }
        payload = []
        ResidentMemory.trim()
        let after = ResidentMemory.bytes()
        let retained = Double(seriesCount * samples)
        let perSample = Double(after - before) / retained
        let stats = store.memoryStats()
        print(String(format: "retained: %d series x %d samples in %.1f s; RSS +%.1f MB = %.2f bytes/sample (store's own count: %.2f)",
                     seriesCount, samples, elapsed, Double(after - before) / 1e6, perSample, stats.bytesPerSample))
        withExtendedLifetime(store) {}
        return perSample
    }
}
