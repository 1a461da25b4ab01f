/// A theme resolved for one colour level: ready-made styles for each part of the dashboard. In
/// monochrome (or with `NO_COLOR`) colours vanish, so selection, focus and status bars use reverse,
/// bold, underline and dim instead.
public struct Palette: Hashable, Sendable {
    public var level: ColorLevel
    public var base: Style
    public var muted: Style
    public var border: Style
    public var borderFocused: Style
    public var title: Style
    public var titleFocused: Style
    public var selection: Style
    public var header: Style
    public var status: Style
    public var hintKey: Style
    public var tabActive: Style
    public var axis: Style
    public var label: Style
    public var ok: Color
    public var warning: Color
    public var critical: Color
    public var info: Color
    public var series: [Color]
    public var heatmap: [Color]

    /// The series colour for the i-th line (cycling through the theme's eight).
    public func seriesColor(_ i: Int) -> Color { series.isEmpty ? .default : series[((i % series.count) + series.count) % series.count] }
}

extension Theme {
    /// This theme's styles with colours folded to `level`.
    public func palette(for level: ColorLevel) -> Palette {
        func c(_ k: ThemeKey) -> Color { color(k, level: level) }
        let mono = level == .monochrome
        // Where a role's colour is the terminal default (always so in monochrome), attributes carry it.
        func plain(_ k: ThemeKey) -> Bool { mono || c(k) == .default }
        let base = Style(fg: c(.foreground), bg: c(.background))
        let selectionPlain = plain(.selectionBackground)
        let statusPlain = plain(.statusBackground)
        return Palette(
            level: level,
            base: base,
            muted: Style(fg: c(.muted), add: plain(.muted) ? .dim : []),
            border: Style(fg: c(.border), add: plain(.border) ? .dim : []),
            borderFocused: Style(fg: c(.borderFocused), add: plain(.borderFocused) ? .bold : []),
            title: Style(fg: c(.title), add: .bold),
            titleFocused: Style(fg: c(.titleFocused), add: plain(.titleFocused) ? [.bold, .underline] : .bold),
            selection: selectionPlain ? Style(add: .reverse) : Style(fg: c(.selectionForeground), bg: c(.selectionBackground)),
            header: Style(fg: c(.header), add: plain(.header) ? [.bold, .underline] : .bold),
            status: statusPlain ? Style(add: .reverse) : Style(fg: c(.statusForeground), bg: c(.statusBackground)),
            hintKey: Style(fg: c(.hintKey), add: plain(.hintKey) ? [.bold, .reverse] : .bold),
            tabActive: Style(fg: c(.tabActive), add: plain(.tabActive) ? [.bold, .reverse] : [.bold, .underline]),
            axis: Style(fg: c(.axis), add: plain(.axis) ? .dim : []),
            label: Style(fg: c(.label)),
            ok: c(.ok), warning: c(.warning), critical: c(.critical), info: c(.info),
            series: ThemeKey.series.map(c),
            heatmap: ThemeKey.heatmap.map(c))
    }
}
