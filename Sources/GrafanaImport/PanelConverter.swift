import Config
import PromQL

/// Turns one Grafana panel into a Vigil panel: type, queries (variables replaced, each checked by
/// Vigil's PromQL parser), unit, range, thresholds, stacking and log scale. What cannot be carried
/// over becomes a note; a panel with nothing left to show is dropped (nil) with a note.
struct PanelConverter {
    let datasources: DatasourceResolver
    var interpolator: QueryInterpolator
    private(set) var notes: [ImportNote] = []

    init(datasources: DatasourceResolver, interpolator: QueryInterpolator) {
        self.datasources = datasources
        self.interpolator = interpolator
    }

    static let typeMap: [String: PanelConfig.PanelType] = [
        "timeseries": .timeseries, "graph": .timeseries,
        "stat": .stat, "singlestat": .stat,
        "gauge": .gauge,
        "bargauge": .bar,
        "table": .table, "table-old": .table,
        "heatmap": .heatmap,
        "text": .text,
    ]

    /// The converted panel, or nil when it was dropped (the reason is in `notes`).
    mutating func convert(_ json: JSONValue, row: String?) -> PanelConfig? {
        let grafanaTitle = json["title"]?.string ?? ""
        let title = interpolator.interpolate(text: grafanaTitle, legend: false)
        let noteTitle = grafanaTitle.isEmpty ? "(untitled \(json["type"]?.string ?? "panel"))" : grafanaTitle
        var collected: [ImportNote] = []
        defer { notes += collected }
        func note(_ kind: ImportNote.Kind, _ message: String) {
            collected.append(ImportNote(kind, panel: noteTitle, row: row, message))
        }

        let grafanaType = json["type"]?.string ?? "(none)"
        guard let type = Self.typeMap[grafanaType] else {
            note(.panelDropped, "panel type \"\(grafanaType)\" has no Vigil equivalent")
            return nil
        }
        var panel = PanelConfig(title, type: type)

        if type == .text {
            let mode = json["options"]?["mode"]?.string ?? json["mode"]?.string ?? "markdown"
            var content = json["options"]?["content"]?.string ?? json["content"]?.string ?? ""
            if mode == "html" {
                content = Self.stripTags(content)
                note(.lossy, "HTML text shown as plain text")
            }
            panel.text = interpolator.interpolate(text: content, legend: false)
            return panel
        }

        if let library = json["libraryPanel"], json["targets"] == nil {
            note(.panelDropped, "library panel \"\(library["name"]?.string ?? library["uid"]?.string ?? "")\": its definition is kept in Grafana, not in the dashboard JSON")
            return nil
        }
        let panelSource = datasources.kind(json["datasource"])
        if case .other(let name) = panelSource {
            note(.panelDropped, "data source \(name) is not Prometheus")
            return nil
        }

        let defaults = json["fieldConfig"]?["defaults"]
        let yaxis = json["yaxes"]?.array?.first
        let unitID = defaults?["unit"]?.string ?? yaxis?["format"]?.string ?? (grafanaType == "singlestat" ? json["format"]?.string : nil)
        let unit = GrafanaUnit.map(unitID)
        panel.unit = unit.unit
        if let message = unit.note { note(.lossy, message) }

        // Queries.
        var droppedAll = true
        var anyTarget = false
        for (index, target) in (json["targets"]?.array ?? []).enumerated() {
            let refID = target["refId"]?.string ?? String(UnicodeScalar(UInt8(65 + index % 26)))
            if target["hide"]?.bool == true {
                note(.lossy, "query \(refID) is hidden in Grafana and was left out")
                continue
            }
            if let ds = target["datasource"], !ds.isNull, case .other(let name) = datasources.kind(ds) {
                anyTarget = true
                note(.queryDropped, "query \(refID) uses data source \(name), not Prometheus")
                continue
            }
            guard let raw = target["expr"]?.string, !raw.trimmed(" \n\t").isEmpty else { continue }
            anyTarget = true
            let expr: String
            switch interpolator.interpolate(query: raw) {
            case .failure(let failure):
                note(.queryDropped, "query \(refID): \(failure.message)")
                continue
            case .success(let text):
                expr = GrafanaUnit.scaled(text.trimmed(" \n\t"), by: unit.scale)
            }
            do {
                _ = try Parser.parse(expr)
            } catch {
                note(.queryDropped, "query \(refID) does not parse as PromQL: \(error) in \(expr)")
                continue
            }
            var legend = target["legendFormat"]?.string
            if legend == "__auto" || legend?.isEmpty == true { legend = nil }
            panel.queries.append(PanelConfig.Query(expr, legend: legend.map { interpolator.interpolate(text: $0, legend: true) }))
            droppedAll = false
        }
        if droppedAll {
            note(.panelDropped, anyTarget ? "none of its queries could be converted" : "it has no Prometheus query")
            return nil
        }

        applyRange(&panel, defaults: defaults, yaxis: yaxis, json: json, scale: unit.scale, note: note)
        applyThresholds(&panel, grafanaType: grafanaType, defaults: defaults, json: json, scale: unit.scale, note: note)
        applyDisplay(&panel, grafanaType: grafanaType, defaults: defaults, yaxis: yaxis, json: json, note: note)
        return panel
    }

    /// `min`/`max`, scaled like the values; kept valid for the config (min < max, log needs min > 0).
    private func applyRange(_ panel: inout PanelConfig, defaults: JSONValue?, yaxis: JSONValue?, json: JSONValue, scale: Double,
                            note: (ImportNote.Kind, String) -> Void) {
        let min = defaults?["min"]?.number ?? yaxis?["min"]?.number ?? json["gauge"]?["minValue"]?.number
        let max = defaults?["max"]?.number ?? yaxis?["max"]?.number ?? json["gauge"]?["maxValue"]?.number
        panel.min = min.map { $0 * scale }
        panel.max = max.map { $0 * scale }
        if let lo = panel.min, let hi = panel.max, lo >= hi {
            note(.lossy, "max (\(DashboardNumber.text(hi))) is not above min (\(DashboardNumber.text(lo))): max left out")
            panel.max = nil
        }
    }

    /// Threshold steps (absolute, or percentage of min...max), legacy graph thresholds and
    /// singlestat's `thresholds` + `colors`. Time series thresholds count only when Grafana draws them.
    private func applyThresholds(_ panel: inout PanelConfig, grafanaType: String, defaults: JSONValue?, json: JSONValue, scale: Double,
                                 note: (ImportNote.Kind, String) -> Void) {
        var out: [PanelConfig.Threshold] = []
        var unknown: Set<String> = []
        if let steps = defaults?["thresholds"]?["steps"]?.array {
            let shown: Bool
            switch grafanaType {
            case "timeseries":
                let style = defaults?["custom"]?["thresholdsStyle"]?["mode"]?.string ?? "off"
                shown = style != "off"
            case "stat":
                shown = json["options"]?["colorMode"]?.string != "none"
            case "table":
                let mode = defaults?["custom"]?["cellOptions"]?["type"]?.string ?? defaults?["custom"]?["displayMode"]?.string ?? ""
                shown = mode.contains("color") || mode.contains("gauge")
            default:
                shown = true
            }
            let percentage = defaults?["thresholds"]?["mode"]?.string == "percentage"
            if shown {
                for step in steps {
                    guard let colorText = step["color"]?.string else { continue }
                    let color = GrafanaColor.map(colorText)
                    guard let value = step["value"]?.number else {
                        if let color, color != .green {
                            note(.lossy, "base colour \(colorText) not kept (Vigil's base colour is the theme's)")
                        }
                        continue
                    }
                    guard let color else { if colorText != "transparent" { unknown.insert(colorText) }; continue }
                    if percentage {
                        guard let lo = panel.min, let hi = panel.max else {
                            note(.lossy, "percentage thresholds need min and max: threshold \(DashboardNumber.text(value))% left out")
                            continue
                        }
                        out.append(PanelConfig.Threshold(lo + (hi - lo) * value / 100, color))
                    } else {
                        out.append(PanelConfig.Threshold(value * scale, color))
                    }
                }
            }
        } else if grafanaType == "graph", let legacy = json["thresholds"]?.array {
            for t in legacy {
                guard let value = t["value"]?.number else { continue }
                let mode = t["colorMode"]?.string ?? "critical"
                let color: PanelConfig.Color? = switch mode {
                case "critical": .red
                case "warning": .orange
                case "ok": .green
                default: GrafanaColor.map(t["lineColor"]?.string ?? t["fillColor"]?.string ?? "")
                }
                if let color { out.append(PanelConfig.Threshold(value * scale, color)) }
                if t["op"]?.string == "lt" { note(.lossy, "\"below \(DashboardNumber.text(value))\" threshold shown as \"above\"") }
            }
        } else if grafanaType == "singlestat", let text = json["thresholds"]?.string {
            let values = text.split(separator: ",").compactMap { Double(String($0).trimmed(" ")) }
            let colors = (json["colors"]?.array ?? []).compactMap(\.string)
            for (i, value) in values.enumerated() {
                let color = i + 1 < colors.count ? GrafanaColor.map(colors[i + 1]) : (i == 0 ? .orange : .red)
                if let color { out.append(PanelConfig.Threshold(value * scale, color)) }
            }
        }
        for c in unknown.sorted() { note(.lossy, "colour \(c) not recognised: its threshold left out") }
        out.sort { $0.value < $1.value }
        var unique: [PanelConfig.Threshold] = []
        for t in out where unique.last?.value != t.value { unique.append(t) }
        panel.thresholds = unique
    }

    /// Stacking, log scale, and notes on what Vigil does not show (overrides, transformations,
    /// repeats, time overrides, reductions other than "last").
    private func applyDisplay(_ panel: inout PanelConfig, grafanaType: String, defaults: JSONValue?, yaxis: JSONValue?, json: JSONValue,
                              note: (ImportNote.Kind, String) -> Void) {
        let custom = defaults?["custom"]
        switch custom?["stacking"]?["mode"]?.string {
        case "normal": panel.stacked = true
        case "percent":
            panel.stacked = true
            note(.lossy, "100% stacking shown as plain stacking")
        default: break
        }
        if json["stack"]?.bool == true { panel.stacked = true }
        if json["percentage"]?.bool == true { note(.lossy, "100% stacking shown as plain stacking") }

        let logBase = custom?["scaleDistribution"]?["type"]?.string == "log" || (yaxis?["logBase"]?.number ?? 1) > 1
        if logBase {
            panel.log = true
            if let lo = panel.min, lo <= 0 {
                note(.lossy, "log scale with min \(DashboardNumber.text(lo)): min left out")
                panel.min = nil
            }
            if let hi = panel.max, hi <= 0 { panel.max = nil }
        }
        if panel.type != .timeseries && panel.stacked { panel.stacked = false }

        let overrides = json["fieldConfig"]?["overrides"]?.array?.count ?? 0
        if overrides > 0 {
            note(.lossy, "\(overrides) field override\(overrides == 1 ? "" : "s") (per-series settings) not converted")
        }
        if let seriesOverrides = json["seriesOverrides"]?.array, !seriesOverrides.isEmpty {
            note(.lossy, "\(seriesOverrides.count) series override\(seriesOverrides.count == 1 ? "" : "s") not converted")
        }
        if let transformations = json["transformations"]?.array, !transformations.isEmpty {
            let ids = transformations.compactMap { $0["id"]?.string }
            note(.lossy, "transformations not converted: \(ids.joined(separator: ", "))")
        }
        if let repeatVar = json["repeat"]?.string, !repeatVar.isEmpty {
            note(.lossy, "repeated for each value of $\(repeatVar) in Grafana: imported once, for all values")
        }
        if json["timeFrom"]?.string?.isEmpty == false || json["timeShift"]?.string?.isEmpty == false {
            note(.lossy, "relative time or time shift not converted")
        }
        if panel.type == .stat || panel.type == .gauge || panel.type == .bar {
            let calcs = (json["options"]?["reduceOptions"]?["calcs"]?.array ?? []).compactMap(\.string)
            if let calc = calcs.first, calc != "lastNotNull" && calc != "last" {
                note(.lossy, "Grafana reduced the series with \"\(calc)\"; Vigil shows the last value")
            }
            if grafanaType == "singlestat", let calc = json["valueName"]?.string, calc != "current" {
                note(.lossy, "Grafana showed the \"\(calc)\" value; Vigil shows the last value")
            }
        }
    }

    /// Text with `<...>` tags removed.
    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out
    }
}
