import TimeSeries

/// Dashboards made from what the sources expose, for `vigil URL...` without a config: host metrics
/// become CPU, memory, load, network and disk panels; queue series a queue panel; `up` and
/// `scrape_duration_seconds` a targets row; a few histograms latency panels.
public enum DashboardBuilder {
    /// The overview for the metric names present (any series of the name) and their metadata.
    public static func overview(metricNames: Set<String>, metadata: [String: MetricMetadata]) -> DashboardSpec {
        var rows: [DashboardSpec.Row] = []
        func has(_ n: String) -> Bool { metricNames.contains(n) }

        var host: [PanelSpec] = []
        if has("node_cpu_seconds_total") {
            host.append(PanelSpec(title: "CPU busy", type: .timeseries,
                                  queries: [.init("100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[1m])))",
                                                  legend: "{{instance}}")],
                                  unit: .percent, min: 0, max: 100))
        }
        if has("node_memory_MemTotal_bytes") && has("node_memory_MemAvailable_bytes") {
            host.append(PanelSpec(title: "Memory used", type: .timeseries,
                                  queries: [.init("node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes", legend: "{{instance}}")],
                                  unit: .bytes, min: 0))
        }
        if has("node_load1") {
            host.append(PanelSpec(title: "Load", type: .timeseries,
                                  queries: [.init("node_load1", legend: "1m"), .init("node_load5", legend: "5m"),
                                            .init("node_load15", legend: "15m")].filter { has(ExprInfo($0.expr).metricName) },
                                  unit: .count, min: 0))
        }
        if !host.isEmpty { rows.append(DashboardSpec.Row(panels: host)) }

        var io: [PanelSpec] = []
        if has("node_network_receive_bytes_total") || has("node_network_transmit_bytes_total") {
            io.append(PanelSpec(title: "Network", type: .throughput,
                                queries: [.init("sum by (instance) (rate(node_network_receive_bytes_total{device!=\"lo\"}[1m]))", legend: "rx {{instance}}"),
                                          .init("sum by (instance) (rate(node_network_transmit_bytes_total{device!=\"lo\"}[1m]))", legend: "tx {{instance}}")],
                                unit: .bytes))
        }
        if has("node_disk_read_bytes_total") || has("node_disk_written_bytes_total") {
            io.append(PanelSpec(title: "Disk I/O", type: .throughput,
                                queries: [.init("sum by (instance) (rate(node_disk_read_bytes_total[1m]))", legend: "read {{instance}}"),
                                          .init("sum by (instance) (rate(node_disk_written_bytes_total[1m]))", legend: "write {{instance}}")],
                                unit: .bytes))
        }
        if has("node_filesystem_avail_bytes") && has("node_filesystem_size_bytes") {
            io.append(PanelSpec(title: "Filesystem used", type: .bar,
                                queries: [.init("100 * (1 - node_filesystem_avail_bytes / node_filesystem_size_bytes)",
                                                legend: "{{mountpoint}}")],
                                unit: .percent, min: 0, max: 100,
                                thresholds: [.init(value: 80, color: .yellow), .init(value: 90, color: .red)]))
        }
        if !io.isEmpty { rows.append(DashboardSpec.Row(panels: io)) }

        if has("vigil_queue_depth") {
            rows.append(DashboardSpec.Row(height: 1.5, minHeight: 8, panels: [
                PanelSpec(title: "Queues", type: .queue, queries: [.init("vigil_queue_depth")], width: 2, minWidth: 40),
            ]))
        }

        let histograms = metadata.filter { $0.value.type == .histogram && has($0.key + "_bucket") }.keys.sorted().prefix(2)
        if !histograms.isEmpty {
            rows.append(DashboardSpec.Row(panels: histograms.map {
                PanelSpec(title: $0, type: .latency, queries: [.init($0)])
            }))
        }

        if has("up") {
            var panels = [PanelSpec(title: "Targets", type: .targets, width: 2, minWidth: 30)]
            if has("scrape_duration_seconds") {
                panels.append(PanelSpec(title: "Poll duration", type: .timeseries,
                                        queries: [.init("scrape_duration_seconds", legend: "{{job}} {{instance}}")], unit: .seconds))
            }
            rows.append(DashboardSpec.Row(panels: panels))
        }

        if rows.isEmpty {
            // Nothing recognised: the first few metrics, each as its type calls for.
            let entries = metricNames.sorted().prefix(4).map { name in
                panel(for: ExploreEntry(name: name, type: metadata[name]?.type ?? (name.hasSuffix("_total") ? .counter : .unknown),
                                        help: "", seriesCount: 0))
            }
            if !entries.isEmpty { rows.append(DashboardSpec.Row(panels: entries)) }
        }
        if rows.isEmpty {
            rows.append(DashboardSpec.Row(panels: [PanelSpec(title: "Overview", type: .text,
                                                             text: "No metrics yet. Waiting for the first polls…")]))
        }
        return DashboardSpec(title: "Overview", rows: rows)
    }

    /// The overview for everything a catalog holds.
    public static func overview(catalog: any MetricCatalog) -> DashboardSpec {
        overview(metricNames: Set(catalog.allSeries(matching: []).map(\.metricName)), metadata: catalog.allMetadata())
    }

    /// A panel graphing one metric the way its type calls for: counters as `rate(m[1m])`,
    /// histograms as quantiles plus a heatmap, summaries as their quantiles, the rest as is.
    public static func panel(for entry: ExploreEntry) -> PanelSpec {
        switch entry.type {
        case .counter:
            return PanelSpec(title: "rate(\(entry.name)[1m])", type: .timeseries, queries: [.init("rate(\(entry.name)[1m])")])
        case .histogram, .gaugeHistogram:
            return PanelSpec(title: entry.name, type: .latency, queries: [.init(entry.name)])
        case .summary:
            return PanelSpec(title: entry.name, type: .latency, queries: [.init(entry.name)])
        default:
            return PanelSpec(title: entry.name, type: .timeseries, queries: [.init(entry.name)])
        }
    }
}
