import Terminal

/// Redrawing only the status line: on an idle second (the tick kept the panel models, no key)
/// nothing but the clock in the status line changed, and drawing the whole screen again to find
/// that out would cost as much as a busy second.
extension DashboardApp {
    /// Everything besides the panel models that the screen above the status line is drawn from;
    /// nil when it also depends on the clock (alert and target panels show ages), so every frame
    /// is drawn whole.
    public var bodyKey: BodyKey? {
        guard case .dashboard(let d) = screen, d < dashboards.count, prompt == nil else { return nil }
        for row in dashboards[d].rows {
            for panel in row.panels where panel.type == .alerts || panel.type == .targets { return nil }
        }
        return BodyKey(screen: screen, width: size.width, height: size.height, alerts: alerts, banner: banner,
                       focus: focusedPanel, maximized: maximized, help: helpVisible, theme: theme.name,
                       colorLevel: colorLevel, symbols: symbols, dashboards: dashboards.count)
    }

    /// Draws the bottom line (status or prompt) into `buffer` as `render(into:)` draws it; false
    /// (nothing drawn) when the buffer is too small for the normal layout.
    public func renderStatusLine(into buffer: inout Buffer) -> Bool {
        let area = buffer.area
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else { return false }
        let (_, bottom) = area.splitBottom(1)
        Clear(style: palette.base).render(area: bottom, buffer: &buffer)
        if prompt != nil { renderPrompt(bottom, &buffer) } else { renderStatus(bottom, &buffer) }
        return true
    }

    /// See `bodyKey`.
    public struct BodyKey: Equatable, Sendable {
        var screen: Screen
        var width: Int
        var height: Int
        var alerts: [AlertRow]
        var banner: AlertBanner?
        var focus: PanelID?
        var maximized: PanelID?
        var help: Bool
        var theme: String
        var colorLevel: ColorLevel
        var symbols: SymbolSet
        var dashboards: Int
    }
}
