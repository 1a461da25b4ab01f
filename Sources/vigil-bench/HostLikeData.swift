import TimeSeries

/// Deterministic samples shaped like the host source's (node_exporter names and labels: 4 CPUs,
/// two network devices, two disks, memory, load): counters that grow at a jittered rate, gauges that
/// wander. Feeds the store behind the in-process frame timing of `vigil-bench render`.
struct HostLikeData {
    private struct Series {
        var ref: SeriesRef
        /// Counter: mean increase per second; gauge: the level it wanders around.
        var mean: Double
        /// Relative jitter per sample.
        var jitter: Double
        var counter: Bool
        var integer: Bool
        var value: Double
    }

    private var series: [Series] = []
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let store: SeriesStore

    init(store: SeriesStore) {
        self.store = store
        let cpuShare = ["user": 0.22, "system": 0.06, "idle": 0.68, "iowait": 0.02, "softirq": 0.01,
                        "irq": 0.0, "nice": 0.005, "steal": 0.005]
        for cpu in 0..<4 {
            for (mode, share) in cpuShare.sorted(by: { $0.key < $1.key }) {
                add("node_cpu_seconds_total", ["cpu": String(cpu), "mode": mode], mean: share, jitter: 0.5, counter: true)
            }
        }
        add("node_context_switches_total", [:], mean: 5200, jitter: 0.3, counter: true, integer: true)
        add("node_intr_total", [:], mean: 3100, jitter: 0.3, counter: true, integer: true)
        add("node_forks_total", [:], mean: 12, jitter: 1, counter: true, integer: true)
        add("node_procs_running", [:], mean: 3, jitter: 0.5, counter: false, integer: true)
        add("node_procs_blocked", [:], mean: 0.3, jitter: 1, counter: false, integer: true)
        let memory: [(String, Double)] = [
            ("MemAvailable", 14e9), ("MemFree", 6e9), ("Cached", 7e9), ("Buffers", 0.4e9), ("Active", 9e9),
            ("Inactive", 5e9), ("Dirty", 40e6), ("Shmem", 300e6), ("Slab", 700e6), ("Committed_AS", 18e9),
        ]
        for (field, level) in memory {
            add("node_memory_\(field)_bytes", [:], mean: level, jitter: 0.01, counter: false, integer: true)
        }
        for (device, scale) in [("eth0", 1.0), ("lo", 0.2)] {
            add("node_network_receive_bytes_total", ["device": device], mean: 2e6 * scale, jitter: 0.6, counter: true, integer: true)
            add("node_network_transmit_bytes_total", ["device": device], mean: 8e5 * scale, jitter: 0.6, counter: true, integer: true)
            add("node_network_receive_packets_total", ["device": device], mean: 1800 * scale, jitter: 0.5, counter: true, integer: true)
            add("node_network_transmit_packets_total", ["device": device], mean: 1200 * scale, jitter: 0.5, counter: true, integer: true)
        }
        for (device, scale) in [("sda", 1.0), ("sdb", 0.3)] {
            add("node_disk_read_bytes_total", ["device": device], mean: 4e5 * scale, jitter: 1, counter: true, integer: true)
            add("node_disk_written_bytes_total", ["device": device], mean: 1.2e6 * scale, jitter: 1, counter: true, integer: true)
            add("node_disk_reads_completed_total", ["device": device], mean: 30 * scale, jitter: 1, counter: true, integer: true)
            add("node_disk_writes_completed_total", ["device": device], mean: 80 * scale, jitter: 1, counter: true, integer: true)
            add("node_disk_io_time_seconds_total", ["device": device], mean: 0.05 * scale, jitter: 1, counter: true)
        }
        add("node_load1", [:], mean: 1.4, jitter: 0.1, counter: false)
        add("node_load5", [:], mean: 1.2, jitter: 0.03, counter: false)
        add("node_load15", [:], mean: 1.1, jitter: 0.01, counter: false)
    }

    var seriesCount: Int { series.count }

    private mutating func add(_ name: String, _ labels: [String: String], mean: Double, jitter: Double,
                              counter: Bool, integer: Bool = false) {
        var all = labels
        all["__name__"] = name
        all["job"] = "host"
        all["instance"] = "localhost"
        let ref = store.getOrCreate(Labels(all))
        series.append(Series(ref: ref, mean: mean, jitter: jitter, counter: counter, integer: integer,
                             value: counter ? mean * 1e5 : mean))
    }

    /// A uniform number in -1...1 (SplitMix64).
    private mutating func noise() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 52) - 1
    }

    /// Appends one sample per series at `t` (one second after the previous call).
    mutating func append(at t: Int64) {
        var appender = store.appender()
        for i in series.indices {
            var s = series[i]
            if s.counter {
                var step = max(0, s.mean * (1 + s.jitter * noise()))
                if s.integer { step = step.rounded() }
                s.value += step
            } else {
                // Wander, pulled back towards the level.
                let next = s.value + s.mean * s.jitter * noise() * 0.3 + (s.mean - s.value) * 0.05
                s.value = max(0, s.integer ? next.rounded() : next)
            }
            series[i] = s
            appender.append(s.ref, t, s.value)
        }
        _ = appender.commit()
    }
}
