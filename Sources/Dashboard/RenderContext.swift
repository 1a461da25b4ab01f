import Polling
import Terminal

/// Everything a panel needs to draw besides its model: colours, symbols, the clock, and the rows of
/// alert and target panels.
public struct RenderContext: Sendable {
    public var palette: Palette
    public var symbols: SymbolSet
    public var zoneOffsetSeconds: Int
    public var now: Int64
    public var alerts: [AlertRow]
    public var targets: [TargetStatus]

    public init(palette: Palette, symbols: SymbolSet, zoneOffsetSeconds: Int = 0, now: Int64, alerts: [AlertRow] = [],
                targets: [TargetStatus] = []) {
        self.palette = palette
        self.symbols = symbols
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.now = now
        self.alerts = alerts
        self.targets = targets
    }

    /// The terminal colour for a config threshold colour, folded to the palette's level.
    func color(_ c: PanelSpec.ThresholdColor) -> Color {
        let raw: Color
        switch c {
        case .green: raw = palette.ok == .default ? .green : palette.ok
        case .yellow: raw = palette.warning == .default ? .yellow : palette.warning
        case .orange: raw = .rgb(255, 135, 0)
        case .red: raw = palette.critical == .default ? .red : palette.critical
        case .blue: raw = .blue
        case .cyan: raw = .cyan
        case .magenta: raw = .magenta
        case .white: raw = .white
        case .gray: raw = .brightBlack
        }
        return raw.folded(to: palette.level)
    }

    /// The colour of the highest threshold at or below `v` (thresholds are "from this value on").
    func thresholdColor(_ v: Double?, _ thresholds: [PanelSpec.Threshold], base: Color) -> Color {
        guard let v, v.isFinite else { return base }
        var c = base
        for t in thresholds.sorted(by: { $0.value < $1.value }) where v >= t.value { c = color(t.color) }
        return c
    }

    /// `3m12s`-style age of a timestamp relative to now.
    func age(_ t: Int64) -> String { Self.duration(now - t) }

    /// A span of milliseconds as `42s`, `3m07s`, `2h05m`, `1d4h`.
    static func duration(_ ms: Int64) -> String {
        let seconds = max(0, ms / 1000)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s" }
        if seconds < 86400 { return "\(seconds / 3600)h\(seconds % 3600 / 60 < 10 ? "0" : "")\(seconds % 3600 / 60)m" }
        return "\(seconds / 86400)d\(seconds % 86400 / 3600)h"
    }
}
