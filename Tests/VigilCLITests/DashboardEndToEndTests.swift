import Foundation
import Testing

/// The real binary in a real terminal (tmux): start, navigate, maximize, resize, filter, command
/// line, quit, and the terminal restored afterwards.
@Suite(.serialized) struct DashboardEndToEndTests {
    func start(_ args: [String] = [], width: Int = 140, height: Int = 40,
               env: [String: String] = [:]) throws -> TmuxSession? {
        try DashboardFixture.start(args, width: width, height: height, env: env)
    }

    @Test func startNavigateQuit() throws {
        guard let tmux = try start() else { return }
        let first = try tmux.waitFor { $0.contains("Main") && $0.contains("Load") && $0.contains("Memory") }
        #expect(first.contains("Second"))
        // Data arrives: the stat panel shows a byte size.
        let withData = try tmux.waitFor { $0.contains("GiB") || $0.contains("MiB") }
        #expect(withData.contains("iB"))
        // Tab to the second dashboard: the targets panel lists the host source.
        try tmux.send("Tab")
        let second = try tmux.waitFor { $0.contains("Target") && $0.contains("host") }
        #expect(second.contains("up"))
        // Help overlay from the key table, then away.
        try tmux.send("?")
        let help = try tmux.waitFor { $0.lowercased().contains("quit") && $0.lowercased().contains("help") }
        #expect(help.contains("q"))
        try tmux.send("Escape")
        try tmux.send("q")
        let gone = try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited(), "still running: \(gone)")
        #expect(try tmux.exitStatus() ?? 0 == 0)
    }

    @Test func maximizeRestoreAndResize() throws {
        guard let tmux = try start() else { return }
        try tmux.waitFor { $0.contains("Load") && $0.contains("Memory") }
        try tmux.send("Enter")  // maximize the focused panel (Load)
        let max = try tmux.waitFor { !$0.contains("Memory") && $0.contains("Load") }
        #expect(!max.contains("Memory"))
        try tmux.send("Escape")
        try tmux.waitFor { $0.contains("Memory") }
        try tmux.resize(width: 80, height: 20)
        let small = try tmux.waitFor { s in s.split(separator: "\n").allSatisfy { $0.count <= 80 } && s.contains("Load") }
        #expect(small.contains("Load"))
        try tmux.resize(width: 10, height: 3)
        let tiny = try tmux.waitFor { $0.lowercased().contains("terminal") }
        #expect(tiny.lowercased().contains("terminal"))
        try tmux.send("C-c")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
    }

    @Test func commandLineAndFilter() throws {
        guard let tmux = try start() else { return }
        try tmux.waitFor { $0.contains("Load") }
        try tmux.send(":")
        try tmux.type("sum(node_load5)")
        try tmux.send("Enter")
        let adhoc = try tmux.waitFor { $0.contains("sum(node_load5)") }
        #expect(adhoc.contains("sum(node_load5)"))
        try tmux.send(":")
        try tmux.type("sum(")
        try tmux.send("Enter")
        let err = try tmux.waitFor { $0.contains("parse error") || $0.contains("unexpected") }
        #expect(err.contains("parse error") || err.contains("unexpected"))
        try tmux.send("Escape")
        try tmux.send("/")
        try tmux.type("[")
        try tmux.send("Enter")
        // A bad regex is an error on screen, not a crash.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try !tmux.exited())
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exitStatus() ?? 0 == 0)
    }

    /// SIGTERM restores the terminal: the shell after vigil is in cooked mode with the main screen.
    @Test func sigtermRestoresTerminal() throws {
        guard TmuxSession.available else { return }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-e2e-\(UUID().uuidString).sh")
        try """
            #!/bin/sh
            cd /tmp
            XDG_CONFIG_HOME=/nonexistent '\(VigilProcess.binary.path)' host:// </dev/tty &
            pid=$!
            sleep 2
            kill -TERM $pid
            wait $pid
            echo "status=$?"
            stty -a | grep -o -- '-\\?icanon' | head -1
            sleep 30
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let tmux = try TmuxSession(["/bin/sh", script.path], width: 100, height: 30)
        let screen = try tmux.waitFor(timeout: 15) { $0.contains("status=") }
        #expect(screen.contains("status=0"))
        #expect(screen.contains("icanon") && !screen.contains("-icanon"))
    }
}
