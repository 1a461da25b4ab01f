import Config

/// Maps a Grafana unit id (`fieldConfig.defaults.unit`) to a Vigil unit. Vigil's units are fewer,
/// so some values are rescaled (`ms` becomes seconds by dividing the query by 1000) and some
/// lose their meaning (`celsius` is shown as a plain number); `note` says what changed.
struct GrafanaUnit: Hashable, Sendable {
    var unit: PanelConfig.Unit
    /// Multiply values (queries, min, max, thresholds) by this to get `unit`.
    var scale: Double = 1
    var note: String?

    static func map(_ id: String?) -> GrafanaUnit {
        guard let id, !id.isEmpty else { return GrafanaUnit(unit: .auto) }
        if let exact = exact[id] { return exact }
        if let (scale, perSecond, si) = byteUnits[id] {
            let unit: PanelConfig.Unit = si ? .bytesSI : .bytes
            let note = perSecond ? "unit \(id) is a rate: shown as \(unit.rawValue) without \"/s\"" : nil
            return GrafanaUnit(unit: unit, scale: scale, note: note.map { scale != 1 ? $0 + " (values scaled by \(scaleText(scale)))" : $0 }
                ?? (scale != 1 ? "unit \(id) shown as \(unit.rawValue) (values scaled by \(scaleText(scale)))" : nil))
        }
        if let (scale, name) = timeUnits[id] {
            return GrafanaUnit(unit: .seconds, scale: scale,
                               note: scale == 1 ? nil : "unit \(id) (\(name)) shown as seconds (values scaled by \(scaleText(scale)))")
        }
        if perSecond.contains(id) { return GrafanaUnit(unit: .ops) }
        if perMinute.contains(id) {
            return GrafanaUnit(unit: .ops, scale: 1.0 / 60, note: "unit \(id) is per minute: shown as per second (values divided by 60)")
        }
        return GrafanaUnit(unit: .count, note: "unit \(id) has no Vigil equivalent: values shown as plain numbers")
    }

    private static let exact: [String: GrafanaUnit] = [
        "none": GrafanaUnit(unit: .count),
        "short": GrafanaUnit(unit: .count),
        "percent": GrafanaUnit(unit: .percent),
        "percentunit": GrafanaUnit(unit: .percent, scale: 100, note: "unit percentunit (0-1) shown as percent (values multiplied by 100)"),
        "hertz": GrafanaUnit(unit: .ops, note: "unit hertz shown as ops/s"),
    ]

    /// Bytes and bits: scale to bytes, whether it is a rate, whether SI (1000) or IEC (1024).
    private static let byteUnits: [String: (Double, Bool, Bool)] = [
        "bytes": (1, false, false), "decbytes": (1, false, true),
        "bits": (0.125, false, false), "decbits": (0.125, false, true),
        "kbytes": (1024, false, false), "mbytes": (1_048_576, false, false), "gbytes": (1_073_741_824, false, false),
        "tbytes": (1_099_511_627_776, false, false), "pbytes": (1_125_899_906_842_624, false, false),
        "deckbytes": (1e3, false, true), "decmbytes": (1e6, false, true), "decgbytes": (1e9, false, true),
        "dectbytes": (1e12, false, true), "decpbytes": (1e15, false, true),
        "Bps": (1, true, true), "binBps": (1, true, false), "bps": (0.125, true, true), "binbps": (0.125, true, false),
        "KBs": (1e3, true, true), "MBs": (1e6, true, true), "GBs": (1e9, true, true), "TBs": (1e12, true, true),
        "KiBs": (1024, true, false), "MiBs": (1_048_576, true, false), "GiBs": (1_073_741_824, true, false), "TiBs": (1_099_511_627_776, true, false),
        "Kbits": (125, true, true), "Mbits": (125e3, true, true), "Gbits": (125e6, true, true), "Tbits": (125e9, true, true),
        "Kibits": (128, true, false), "Mibits": (131_072, true, false), "Gibits": (134_217_728, true, false),
    ]

    /// Durations: scale to seconds and a readable name.
    private static let timeUnits: [String: (Double, String)] = [
        "s": (1, "seconds"), "dtdurations": (1, "seconds"), "dtdhms": (1, "seconds"),
        "ms": (1e-3, "milliseconds"), "dtdurationms": (1e-3, "milliseconds"),
        "µs": (1e-6, "microseconds"), "us": (1e-6, "microseconds"), "ns": (1e-9, "nanoseconds"),
        "m": (60, "minutes"), "h": (3600, "hours"), "d": (86400, "days"),
    ]

    private static let perSecond: Set<String> = ["ops", "reqps", "rps", "wps", "rwps", "iops", "cps", "pps", "eps", "mps"]
    private static let perMinute: Set<String> = ["opm", "rpm", "wpm", "rwpm", "cpm", "epm", "mpm"]

    /// `1000` for 1e3, `1/1000` for 1e-3, the number otherwise.
    static func scaleText(_ scale: Double) -> String {
        if scale >= 1 { return DashboardNumber.text(scale) }
        let inverse = 1 / scale
        if inverse == inverse.rounded() { return "1/" + DashboardNumber.text(inverse) }
        return DashboardNumber.text(scale)
    }

    /// `expr` rescaled: `(expr) / 1000` or `(expr) * 100`.
    static func scaled(_ expr: String, by scale: Double) -> String {
        if scale == 1 { return expr }
        let inverse = 1 / scale
        if scale < 1 && inverse == inverse.rounded() { return "(\(expr)) / \(DashboardNumber.text(inverse))" }
        return "(\(expr)) * \(DashboardNumber.text(scale))"
    }
}

/// Number text for notes and rewritten queries: integers without a fraction.
enum DashboardNumber {
    static func text(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
