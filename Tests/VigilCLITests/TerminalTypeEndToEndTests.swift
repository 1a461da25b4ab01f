import Foundation
import Testing

/// The real binary under the terminal types people run it in: what it draws with each `TERM`
/// (and locale, and `NO_COLOR`) inside tmux, read back with `capture-pane -e`: colour or none,
/// braille and box drawing or the ASCII fallback, data arriving, and a clean exit on `q`.
@Suite(.serialized) struct TerminalTypeEndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var term: String
        var lang: String
        var noColor = false
        /// Colour SGR sequences appear on screen.
        var colour: Bool
        /// Braille charts and box-drawing frames (else ASCII only).
        var unicode: Bool
        var testDescription: String { "TERM=\(term) LANG=\(lang)" + (noColor ? " NO_COLOR=1" : "") }
    }

    static let cases: [Case] = [
        Case(term: "xterm-256color", lang: "C.UTF-8", colour: true, unicode: true),
        Case(term: "screen-256color", lang: "C.UTF-8", colour: true, unicode: true),
        Case(term: "tmux-256color", lang: "C.UTF-8", colour: true, unicode: true),
        // The Linux console: 16 colours, no trusted braille or box-drawing font.
        Case(term: "linux", lang: "C.UTF-8", colour: true, unicode: false),
        // A VT100 in the C locale: no colour, ASCII only.
        Case(term: "vt100", lang: "C", colour: false, unicode: false),
        Case(term: "xterm-256color", lang: "C.UTF-8", noColor: true, colour: false, unicode: true),
    ]

    @Test(arguments: cases)
    func drawsForTerminal(_ c: Case) throws {
        let env = ["TERM": c.term, "LANG": c.lang, "LC_ALL": c.lang, "NO_COLOR": c.noColor ? "1" : "", "COLORTERM": ""]
        guard let tmux = try DashboardFixture.start(width: 120, height: 30, env: env) else { return }
        // Data arrives: the stat panel shows a byte size, the chart its first points.
        let screen = try tmux.waitFor(timeout: 15) { s in
            s.contains("Load") && s.contains("Memory") && (s.contains("GiB") || s.contains("MiB"))
                && (!c.unicode || DashboardFixture.hasBraille(s))
        }
        #expect(screen.contains("Load") && screen.contains("Memory"), "\(screen)")
        #expect(screen.contains("GiB") || screen.contains("MiB"), "no data: \(screen)")
        #expect(DashboardFixture.hasBraille(screen) == c.unicode, "\(screen)")
        #expect(DashboardFixture.hasBoxDrawing(screen) == c.unicode, "\(screen)")
        if !c.lang.contains("UTF-8") {
            // Not a UTF-8 locale: nothing but ASCII may reach the terminal (a `…` would be mojibake).
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in the C locale: \(screen)")
        }
        let attributed = try tmux.captureWithAttributes()
        let colours = DashboardFixture.colourSequences(in: attributed)
        #expect((colours > 0) == c.colour, "\(colours) colour sequences")

        try tmux.send("q")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
        // tmux 3.3 may leave the dead pane's status empty; when it is known it must be 0.
        #expect(try tmux.exitStatus() ?? 0 == 0)
    }
}
