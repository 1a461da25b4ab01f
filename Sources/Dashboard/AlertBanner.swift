import Terminal

/// The line shown over the dashboard when alerts start firing, until the user acknowledges it
/// (Esc, or `a` for the alert view) or they stop firing. Marked with attributes as well as
/// colour, so it reads in monochrome.
public struct AlertBanner: Sendable, Equatable {
    /// The alerts it announces (their row ids) and when the first of them fired.
    public var alertIDs: [String]
    public var text: String

    init(rows: [AlertRow]) {
        alertIDs = rows.map(\.id)
        let first = rows[0]
        var text = "FIRING: " + TerminalSafe.line(first.name)
        if !first.severity.isEmpty { text += " (\(TerminalSafe.line(first.severity)))" }
        if !first.summary.isEmpty { text += " \u{2014} " + TerminalSafe.line(first.summary) }
        if rows.count > 1 { text += "  (+\(rows.count - 1) more)" }
        self.text = text
    }

    func render(_ area: Rect, palette p: Palette, buffer: inout Buffer) {
        let style = Style(fg: p.critical, add: [.bold, .reverse])
        Clear(style: style).render(area: area, buffer: &buffer)
        let hint = "  a alerts  Esc dismiss "
        let hintWidth = TerminalText.width(hint) <= area.width / 3 ? TerminalText.width(hint) : 0
        let (left, right) = area.splitLeft(area.width - hintWidth)
        buffer.setString(" \u{25B2} " + text, x: left.x, y: left.y, width: left.width, alignment: .left, style: style)
        if hintWidth > 0 {
            buffer.setString(hint, x: right.x, y: right.y, width: right.width, alignment: .right, style: style)
        }
    }
}

extension DashboardApp {
    /// Replaces the alert rows and returns the ones that started firing since the previous
    /// update (not silenced), for the bell; with `banner` set they also raise the banner. The
    /// first update only learns what is already firing, so a restart does not ring.
    @discardableResult
    public mutating func updateAlerts(_ rows: [AlertRow], banner showBanner: Bool) -> [AlertRow] {
        alerts = rows
        let firing = rows.filter { $0.state == .firing && !$0.silenced }
        let ids = Set(firing.map(\.id))
        defer {
            firingSeen = ids
            alertsUpdated = true
        }
        // A banner whose alerts all stopped firing goes away by itself.
        if let b = banner, b.alertIDs.allSatisfy({ !ids.contains($0) }) { banner = nil }
        guard alertsUpdated else { return [] }
        let new = firing.filter { !firingSeen.contains($0.id) }
        if showBanner && !new.isEmpty {
            var all = new
            if let b = banner { all += firing.filter { b.alertIDs.contains($0.id) && !new.map(\.id).contains($0.id) } }
            banner = AlertBanner(rows: all)
        }
        return new
    }
}
