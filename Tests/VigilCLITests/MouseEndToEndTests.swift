import Foundation
import Testing

/// `--mouse` in a real terminal: tmux types xterm's SGR mouse reports (`ESC[<b;x;yM`) into the
/// pane, as a terminal does when the application turned mouse reporting on. A click focuses the
/// panel under it (Enter then maximizes that one) and the wheel zooms the time window.
@Suite(.serialized) struct MouseEndToEndTests {
    /// An SGR mouse report: button code, 1-based column and row, press or release.
    static func report(_ button: Int, x: Int, y: Int, press: Bool = true) -> String {
        "\u{1B}[<\(button);\(x + 1);\(y + 1)" + (press ? "M" : "m")
    }

    @Test func clickFocusesAndWheelZooms() throws {
        guard let tmux = try DashboardFixture.start(["--mouse"], width: 140, height: 40,
                                                    env: ["TERM": "xterm-256color", "LANG": "C.UTF-8"]) else { return }
        let first = try tmux.waitFor { $0.contains("Load") && $0.contains("Memory") && $0.contains("15m") }
        #expect(first.contains("15m"), "\(first)")

        // Memory is the right half of the first row; Load (the left one) has the focus at start.
        try tmux.type(Self.report(0, x: 105, y: 10) + Self.report(0, x: 105, y: 10, press: false))
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.send("Enter")
        let maximized = try tmux.waitFor { $0.contains("Memory") && !$0.contains("Load") }
        #expect(maximized.contains("Memory") && !maximized.contains("Load"), "the click did not focus Memory: \(maximized)")
        try tmux.send("Escape")
        try tmux.waitFor { $0.contains("Load") && $0.contains("Memory") }

        // Wheel up halves the window, wheel down doubles it.
        try tmux.type(Self.report(64, x: 30, y: 10))
        let zoomedIn = try tmux.waitFor { $0.contains("7m30s") }
        #expect(zoomedIn.contains("7m30s"), "\(zoomedIn)")
        try tmux.type(Self.report(65, x: 30, y: 10) + Self.report(65, x: 30, y: 10))
        let zoomedOut = try tmux.waitFor { $0.contains(" 30m ") }
        #expect(zoomedOut.contains(" 30m "), "\(zoomedOut)")

        try tmux.send("q")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
        #expect(try tmux.exitStatus() ?? 0 == 0)
    }
}
