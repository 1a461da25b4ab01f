/// The colour roles a theme sets; each is one `key = colour` line in a theme file.
public enum ThemeKey: String, CaseIterable, Hashable, Sendable {
    case background, foreground, muted
    case border, borderFocused = "border_focused"
    case title, titleFocused = "title_focused"
    case selectionBackground = "selection_bg", selectionForeground = "selection_fg"
    case header
    case statusBackground = "status_bg", statusForeground = "status_fg"
    case hintKey = "hint_key"
    case tabActive = "tab_active"
    case axis, label
    case ok, warning, critical, info
    case series1 = "series_1", series2 = "series_2", series3 = "series_3", series4 = "series_4"
    case series5 = "series_5", series6 = "series_6", series7 = "series_7", series8 = "series_8"
    case heatmap1 = "heatmap_1", heatmap2 = "heatmap_2", heatmap3 = "heatmap_3", heatmap4 = "heatmap_4"
    case heatmap5 = "heatmap_5"

    public static let series: [ThemeKey] = [.series1, .series2, .series3, .series4, .series5, .series6, .series7, .series8]
    public static let heatmap: [ThemeKey] = [.heatmap1, .heatmap2, .heatmap3, .heatmap4, .heatmap5]
}
