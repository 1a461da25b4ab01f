import Alerting
import Foundation
import Polling
import TimeSeries

/// Vigil's own metrics in Prometheus's text format, for `--listen`: polls, failures and
/// durations per target, the store, the process, rule health, and the alerts as `ALERTS`, so
/// Prometheus can watch the watcher.
enum SelfMetrics {
    static func exposition(runtime: Runtime) -> String {
        var w = ExpositionWriter()
        w.family("vigil_build_info", "gauge", "Vigil's version.")
        w.sample("vigil_build_info", labels: [("version", VigilVersion.string)], 1)

        let statuses = runtime.scheduler.statuses()
        w.family("vigil_target_up", "gauge", "1 when the target's last poll succeeded, 0 when it failed.")
        for s in statuses where s.up != nil { w.sample("vigil_target_up", labels: target(s), s.up == true ? 1 : 0) }
        w.family("vigil_target_polls_total", "counter", "Polls of the target.")
        for s in statuses { w.sample("vigil_target_polls_total", labels: target(s), Double(s.polls)) }
        w.family("vigil_target_poll_failures_total", "counter", "Polls of the target that failed.")
        for s in statuses { w.sample("vigil_target_poll_failures_total", labels: target(s), Double(s.failures)) }
        w.family("vigil_target_polls_late_total", "counter", "Polls that started more than a quarter interval late, or were skipped.")
        for s in statuses { w.sample("vigil_target_polls_late_total", labels: target(s), Double(s.latePolls)) }
        w.family("vigil_target_poll_duration_seconds", "gauge", "Duration of the target's last poll.")
        for s in statuses where s.lastPoll != nil { w.sample("vigil_target_poll_duration_seconds", labels: target(s), s.lastDuration) }
        w.family("vigil_target_samples", "gauge", "Samples the target's last poll produced.")
        for s in statuses where s.lastPoll != nil { w.sample("vigil_target_samples", labels: target(s), Double(s.samples)) }

        let mem = runtime.store.memoryStats()
        w.family("vigil_store_series", "gauge", "Series in the sample store.")
        w.sample("vigil_store_series", Double(mem.seriesCount))
        w.family("vigil_store_samples", "gauge", "Samples held in the sample store.")
        w.sample("vigil_store_samples", Double(mem.sampleCount))
        w.family("vigil_store_memory_bytes", "gauge", "Memory of the sample store: chunks, slack and index.")
        w.sample("vigil_store_memory_bytes", Double(mem.chunkBytes + mem.chunkSlackBytes + mem.indexBytes))
        w.family("vigil_store_evicted_chunks_total", "counter", "Chunks dropped to stay under the memory limit.")
        w.sample("vigil_store_evicted_chunks_total", Double(mem.evictedChunks))

        let process = ProcessStats.read()
        w.family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
        w.sample("process_cpu_seconds_total", process.cpuSeconds)
        w.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
        w.sample("process_resident_memory_bytes", Double(process.residentBytes))
        w.family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.")
        w.sample("process_start_time_seconds", ProcessStats.startTime)

        if let rules = runtime.rules {
            let statuses = rules.ruleStatuses()
            w.family("vigil_rule_health", "gauge", "1 when the rule's last evaluation succeeded, 0 when it failed.")
            for r in statuses where r.health != .unknown {
                w.sample("vigil_rule_health", labels: [("rule", r.rule.name)], r.health == .good ? 1 : 0)
            }
            w.family("ALERTS", "gauge", "Pending and firing alerts, as Prometheus writes them.")
            for a in rules.activeAlerts() where a.state != .inactive {
                var pairs = a.labels.pairs.filter { $0.name != "alertstate" }.map { ($0.name, $0.value) }
                pairs.append(("alertstate", a.state.description))
                w.sample("ALERTS", labels: pairs.sorted { $0.0 < $1.0 }, 1)
            }
        }
        if let d = runtime.notify.current { w.append(text: d.metricsText()) }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func target(_ s: TargetStatus) -> [(String, String)] {
        [("instance", s.instance), ("job", s.job)]
    }
}

/// CPU and memory of this process from /proc, for the self-metrics.
enum ProcessStats {
    struct Reading {
        var cpuSeconds: Double = 0
        var residentBytes = 0
    }

    /// When the process started (seconds since the epoch), taken once.
    static let startTime: Double = Date().timeIntervalSince1970

    static func read() -> Reading {
        var r = Reading()
        var usage = rusage()
        if getrusage(RUSAGE_SELF.rawValue, &usage) == 0 {
            r.cpuSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Int(fields[1]) { r.residentBytes = pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
        }
        return r
    }
}
