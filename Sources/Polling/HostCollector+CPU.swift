/// CPU time, context switches, boot time and process counts from /proc/stat.
extension HostCollector {
    /// Kernel clock ticks per second (USER_HZ), 100 on every Linux architecture Vigil runs on.
    static let userHZ = 100.0

    func collectCPU(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/stat") else { return }
        let modes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]
        var cpuLines: [(String, [Double])] = []
        var scalars: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let f = Self.fields(line)
            guard let key = f.first else { continue }
            if key.hasPrefix("cpu") && key != "cpu" {
                cpuLines.append((String(key.dropFirst(3)), f.dropFirst().compactMap { Double($0) }))
            } else if f.count >= 2, let v = Double(f[1]) {
                scalars[String(key)] = v
            }
        }
        if !cpuLines.isEmpty {
            w.family("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.")
            for (cpu, values) in cpuLines {
                for (i, mode) in modes.enumerated() where i < values.count {
                    w.sample("node_cpu_seconds_total", ["cpu": cpu, "mode": mode], values[i] / Self.userHZ)
                }
            }
        }
        let named: [(String, String, String, String)] = [
            ("ctxt", "node_context_switches_total", "counter", "Total number of context switches."),
            ("intr", "node_intr_total", "counter", "Total number of interrupts serviced."),
            ("processes", "node_forks_total", "counter", "Total number of forks."),
            ("btime", "node_boot_time_seconds", "gauge", "Node boot time, in unixtime."),
            ("procs_running", "node_procs_running", "gauge", "Number of processes in runnable state."),
            ("procs_blocked", "node_procs_blocked", "gauge", "Number of processes blocked waiting for I/O to complete."),
        ]
        for (key, name, type, help) in named {
            if let v = scalars[key] {
                w.family(name, type, help)
                w.sample(name, v)
            }
        }
    }

    func collectLoad(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/loadavg") else { return }
        let f = Self.fields(text)
        guard f.count >= 3 else { return }
        for (i, n) in ["1", "5", "15"].enumerated() {
            guard let v = Double(f[i]) else { continue }
            w.family("node_load\(n)", "gauge", "\(n)m load average.")
            w.sample("node_load\(n)", v)
        }
    }
}
