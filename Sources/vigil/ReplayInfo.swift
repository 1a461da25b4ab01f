import Foundation
import Recording
import TimeSeries

/// The text views of a recording that need no config: `--info` (files, time span, series,
/// samples, bytes per sample, metrics) and `--recorded-alerts` (the alert transitions the
/// recorded run wrote, in the format `--alerts` prints replayed ones).
enum ReplayInfo {
    /// One alert transition: `TIME STATE ALERTNAME{labels}`.
    static func line(time: Int64, alert: RecordedAlert) -> String {
        let name = alert.labels["alertname"]
        let rest = alert.labels.removing(["alertname"]).setting(metricNameLabel, name.isEmpty ? "alert" : name)
        let state = alert.state.description
        return "\(ReplayTime.format(time)) \(state)\(String(repeating: " ", count: max(1, 9 - state.count)))\(rest)"
    }

    static func printRecordedAlerts(path: String) -> ExitCode {
        var out = StandardOutput()
        do {
            let reader = try RecordReader(path: path)
            while let b = try reader.next() {
                for e in b.evaluations {
                    for a in e.transitions { out.write(line(time: e.time, alert: a)) }
                }
            }
            out.flush()
            for d in reader.dropped { printError("vigil replay: \(d)") }
            return .success
        } catch {
            out.flush()
            printError("vigil replay: \(error)")
            return .failure
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    static func print(path: String) -> ExitCode {
        var out = StandardOutput()
        do {
            let reader = try RecordReader(path: path)
            var blocks = 0, samples = 0, stale = 0, evaluations = 0, series = 0
            var first: Int64?, last: Int64?
            var perMetric: [String: Int] = [:]
            var seenInFile: [Bool] = []
            var file = -1
            var bytes: Int64 = 0
            for f in reader.files { bytes += fileSize(f) }
            while let b = try reader.next() {
                if b.file != file {
                    file = b.file
                    seenInFile = []
                }
                blocks += 1
                first = first ?? b.time
                last = b.time
                evaluations += b.evaluations.count
                for s in b.samples {
                    samples += 1
                    if StaleNaN.bits == s.bits { stale += 1 }
                    if s.series >= seenInFile.count { seenInFile += [Bool](repeating: false, count: s.series - seenInFile.count + 1) }
                    if !seenInFile[s.series] {
                        seenInFile[s.series] = true
                        series += 1
                    }
                    perMetric[reader.labels(ofSeries: s.series).metricName, default: 0] += 1
                }
            }
            out.write("files: \(reader.files.joined(separator: " "))")
            out.write("bytes: \(bytes)")
            if let first, let last {
                out.write("from: \(ReplayTime.format(first))")
                out.write("to: \(ReplayTime.format(last))")
            }
            out.write("blocks: \(blocks)")
            out.write("samples: \(samples) (\(stale) staleness markers)")
            out.write("series: \(series) (counted once per file)")
            if samples > 0 { out.write("bytes per sample: \(String(format: "%.2f", Double(bytes) / Double(samples)))") }
            out.write("rule evaluations: \(evaluations)")
            if !reader.dropped.isEmpty { out.write("dropped: \(reader.droppedBytes) bytes (torn tails)") }
            out.write("metrics:")
            for (name, n) in perMetric.sorted(by: { $0.key < $1.key }) { out.write("  \(name) \(n)") }
            out.flush()
            for d in reader.dropped { printError("vigil replay: \(d)") }
            return .success
        } catch {
            out.flush()
            printError("vigil replay: \(error)")
            return .failure
        }
    }
}
