/// The dashboard `vigil-bench render` draws: 12 panels of 5 series each (4 rows of 3) over the host
/// source's metrics (node_exporter names), the same for the in-process frame timing and the vigil
/// run on a pseudo-terminal. Every query selects exactly one series, so each panel has five.
enum BenchDashboard {
    struct Panel {
        var title: String
        var unit: String
        var queries: [(expr: String, legend: String)]
    }

    static func cpu(_ fn: String, _ window: String) -> [(expr: String, legend: String)] {
        ["user", "system", "idle", "iowait", "softirq"].map {
            ("sum(\(fn)(node_cpu_seconds_total{mode=\"\($0)\"}[\(window)]))", $0)
        }
    }

    static func kernel(_ window: String) -> [(expr: String, legend: String)] {
        [("rate(node_context_switches_total[\(window)])", "context switches"),
         ("rate(node_intr_total[\(window)])", "interrupts"),
         ("rate(node_forks_total[\(window)])", "forks"),
         ("sum(node_procs_running)", "running"),
         ("sum(node_procs_blocked)", "blocked")]
    }

    static func network(_ window: String) -> [(expr: String, legend: String)] {
        [("sum(rate(node_network_receive_bytes_total[\(window)]))", "rx bytes"),
         ("sum(rate(node_network_transmit_bytes_total[\(window)]))", "tx bytes"),
         ("sum(rate(node_network_receive_packets_total[\(window)]))", "rx packets"),
         ("sum(rate(node_network_transmit_packets_total[\(window)]))", "tx packets"),
         ("sum(rate(node_network_receive_bytes_total[\(window)])) + sum(rate(node_network_transmit_bytes_total[\(window)]))", "total bytes")]
    }

    static func disk(_ window: String) -> [(expr: String, legend: String)] {
        [("sum(rate(node_disk_read_bytes_total[\(window)]))", "read bytes"),
         ("sum(rate(node_disk_written_bytes_total[\(window)]))", "written bytes"),
         ("sum(rate(node_disk_reads_completed_total[\(window)]))", "reads"),
         ("sum(rate(node_disk_writes_completed_total[\(window)]))", "writes"),
         ("sum(rate(node_disk_io_time_seconds_total[\(window)]))", "busy")]
    }

    static func memory(_ fields: [String]) -> [(expr: String, legend: String)] {
        fields.map { ("node_memory_\($0)_bytes", $0) }
    }

    static let panels: [Panel] = [
        Panel(title: "CPU 10s", unit: "count", queries: cpu("rate", "10s")),
        Panel(title: "CPU 1m", unit: "count", queries: cpu("rate", "1m")),
        Panel(title: "CPU instant", unit: "count", queries: cpu("irate", "5s")),
        Panel(title: "Kernel 10s", unit: "ops", queries: kernel("10s")),
        Panel(title: "Kernel 1m", unit: "ops", queries: kernel("1m")),
        Panel(title: "Memory", unit: "bytes", queries: memory(["MemAvailable", "MemFree", "Cached", "Buffers", "Active"])),
        Panel(title: "Network 10s", unit: "count", queries: network("10s")),
        Panel(title: "Network 1m", unit: "count", queries: network("1m")),
        Panel(title: "Memory detail", unit: "bytes", queries: memory(["Inactive", "Dirty", "Shmem", "Slab", "Committed_AS"])),
        Panel(title: "Disk 10s", unit: "count", queries: disk("10s")),
        Panel(title: "Disk 1m", unit: "count", queries: disk("1m")),
        Panel(title: "Load", unit: "count", queries: [
            ("node_load1", "load1"), ("node_load5", "load5"), ("node_load15", "load15"),
            ("sum(rate(node_cpu_seconds_total{mode!=\"idle\"}[10s]))", "busy cores"),
            ("sum(rate(node_forks_total[30s]))", "forks 30s"),
        ]),
    ]

    /// The config file: the host source polled every second, the dashboard above.
    static func configYAML() -> String {
        var out = """
            global: {poll_interval: 1s, timeout: 1s, retention: 1h}
            sources:
              - {name: host, kind: host}
            dashboards:
              - title: Bench
                rows:

            """
        for row in 0..<4 {
            out += "      - panels:\n"
            for panel in panels[(row * 3)..<(row * 3 + 3)] {
                out += "          - title: \(quote(panel.title))\n"
                out += "            type: timeseries\n"
                out += "            unit: \(panel.unit)\n"
                out += "            queries:\n"
                for q in panel.queries {
                    out += "              - {expr: \(quote(q.expr)), legend: \(quote(q.legend))}\n"
                }
            }
        }
        return out
    }

    /// A dashboard where nothing changes but the status bar's clock: one text panel over the host
    /// source (polled, so the poll cost is in the CPU figure, but nothing polled is drawn).
    static func idleConfigYAML() -> String {
        """
        global: {poll_interval: 1s, timeout: 1s, retention: 1h}
        sources:
          - {name: host, kind: host}
        dashboards:
          - title: Idle
            rows:
              - panels:
                  - {title: Notes, type: text, text: 'Nothing here changes; only the clock does.'}

        """
    }

    /// A YAML single-quoted scalar.
    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
