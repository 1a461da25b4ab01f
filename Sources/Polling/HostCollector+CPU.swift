/// CPU time, context switches, boot time and process counts from /proc/stat.
extension HostCollector {
    /// Kernel clock ticks per second (USER_HZ), 100 on every Linux architecture Vigil runs on.
    static let userHZ = 100.0

    static let cpuModes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]
    static let cpuModeLabels = cpuModes.map { Array($0.utf8) }

    /// The /proc/stat lines read besides the CPUs: (key, metric, type, help), in output order.
    static let statScalars: [(key: StaticString, name: String, type: String, help: String)] = [
        ("ctxt", "node_context_switches_total", "counter", "Total number of context switches."),
        ("intr", "node_intr_total", "counter", "Total number of interrupts serviced."),
        ("processes", "node_forks_total", "counter", "Total number of forks."),
        ("btime", "node_boot_time_seconds", "gauge", "Node boot time, in unixtime."),
        ("procs_running", "node_procs_running", "gauge", "Number of processes in runnable state."),
        ("procs_blocked", "node_procs_blocked", "gauge", "Number of processes blocked waiting for I/O to complete."),
    ]

    func collectCPU(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/stat") else { return }
        var cpus: [(escaped: [UInt8], values: [Double])] = []
        var scalars = [Double?](repeating: nil, count: Self.statScalars.count)
        var p = 0
        while let line = file.nextLine(&p) {
            var q = line.lowerBound
            guard let key = file.nextField(&q, in: line) else { continue }
            if file.field(key, hasPrefix: "cpu") {
                guard key.count > 3 else { continue }  // the `cpu` total line is not exported
                var values: [Double] = []
                values.reserveCapacity(Self.cpuModes.count)
                while values.count < Self.cpuModes.count, let f = file.nextField(&q, in: line) {
                    if let v = file.number(f) { values.append(v) }
                }
                let id = file.string((key.lowerBound + 3)..<key.upperBound)
                cpus.append((HostCollectorWriter.escapedLabelValue(id), values))
                continue
            }
            guard let k = Self.statScalars.firstIndex(where: { file.field(key, is: $0.key) }),
                  let f = file.nextField(&q, in: line), let v = file.number(f) else { continue }
            scalars[k] = v
        }
        if !cpus.isEmpty {
            w.family("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.")
            for cpu in cpus {
                for (i, mode) in Self.cpuModeLabels.enumerated() where i < cpu.values.count {
                    w.sample("node_cpu_seconds_total", [("cpu", cpu.escaped), ("mode", mode)], cpu.values[i] / Self.userHZ)
                }
            }
        }
        for (k, s) in Self.statScalars.enumerated() {
            if let v = scalars[k] {
                w.family(s.name, s.type, s.help)
                w.sample(s.name, v)
            }
        }
    }

    func collectLoad(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/loadavg") else { return }
        var p = 0
        guard let line = file.nextLine(&p) else { return }
        let f = file.fields(line, limit: 3)
        guard f.count >= 3 else { return }
        for (i, n) in ["1", "5", "15"].enumerated() {
            guard let v = file.number(f[i]) else { continue }
            w.family("node_load\(n)", "gauge", "\(n)m load average.")
            w.sample("node_load\(n)", v)
        }
    }
}
