import Foundation
import Glibc
import Testing

/// Runs a real `CursesScreen` (the `cursesScreenHost` test of this same binary) inside tmux, types at
/// it, resizes it, signals and crashes it, and reads the screen and `stty -a` after it ends. Skips
/// (passes, with a note) when tmux is not installed (Debian package `tmux`).
@Suite(.serialized)
struct CursesEndToEndTests {
    /// A scenario: the host in a tmux pane, a log it writes, and what the shell saw after it ended.
    final class Host {
        let dir: URL
        let log: URL
        let session: TmuxSession

        init?(extraEnvironment: [String: String] = [:], term: String = "tmux-256color") {
            guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-curses-e2e-\(UUID().uuidString)")
            log = dir.appendingPathComponent("log")
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch { return nil }
            let extra = extraEnvironment.map { "\($0.key)=\(Host.quote($0.value))" }.joined(separator: " ")
            let script = """
                trap : INT
                unset NO_COLOR COLORTERM TMUX STY ESCDELAY
                export TERM=\(term) LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no
                env VIGIL_CURSES_HOST=\(Host.quote(log.path)) \(extra) \(Host.quote(exe)) --testing-library swift-testing --filter cursesScreenHost
                echo "status $?" >> \(Host.quote(log.path))
                stty -a >> \(Host.quote(log.path)) 2>&1
                echo "shell done" >> \(Host.quote(log.path))
                sleep 60
                """
            let scriptURL = dir.appendingPathComponent("run.sh")
            do { try script.write(to: scriptURL, atomically: true, encoding: .utf8) } catch { return nil }
            guard let s = TmuxSession(command: "/bin/sh \(Host.quote(scriptURL.path))") else { return nil }
            session = s
        }

        deinit { try? FileManager.default.removeItem(at: dir) }

        static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func waitForLog(_ text: String, seconds: Double = 20) -> Bool {
            TmuxSession.wait(seconds: seconds) { logText.contains(text) }
        }

        /// The host's process id, once it has started.
        func pid() -> pid_t? {
            guard waitForLog("pid ") else { return nil }
            for line in logText.split(separator: "\n") where line.hasPrefix("pid ") {
                return pid_t(line.dropFirst(4))
            }
            return nil
        }

        /// After the host ended: its exit status and whether the terminal is back in cooked mode.
        func ending() -> (status: Int?, sane: Bool) {
            guard waitForLog("shell done") else { return (nil, false) }
            let text = logText
            var status: Int?
            for line in text.split(separator: "\n") where line.hasPrefix("status ") { status = Int(line.dropFirst(7)) }
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            let sane = words.contains("icanon") && words.contains("echo") && words.contains("isig")
                && !words.contains("-icanon") && !words.contains("-echo")
            return (status, sane)
        }
    }

    static var tmuxMissing: Bool { TmuxSession.tmuxPath == nil }

    @Test func drawsTypesAndResizes() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host())
        let first = host.session.waitForScreen(containing: "vigil curses e2e")
        try #require(first.found, "screen: \(first.screen)\nlog: \(host.logText)")
        #expect(host.logText.contains("level ansi256 symbols braille term tmux-256color"), "\(host.logText)")

        var lines = first.screen.components(separatedBy: "\n")
        #expect(lines[1] == "wide:中文|e\u{301}|⣿▇|")
        #expect(lines[3] == "size 80x24 reloads 0")
        #expect(lines[23] == String(repeating: " ", count: 79) + "Z")

        let colored = host.session.capture(escapes: true)
        #expect(colored.contains("38;5;196m") && colored.contains("RED"), "\(colored)")
        #expect(colored.contains("44m") && colored.contains("BLUEBG"))
        #expect(colored.contains("38;5;46") && colored.contains("IDX46"))

        let keys: [([String], String, Bool)] = [
            (["Up"], "up", false), (["Down"], "down", false), (["Left"], "left", false), (["Right"], "right", false),
            (["Home"], "home", false), (["End"], "end", false), (["PPage"], "pageUp", false), (["NPage"], "pageDown", false),
            (["F1"], "F1", false), (["F5"], "F5", false), (["F12"], "F12", false),
            (["Enter"], "enter", false), (["Tab"], "tab", false), (["BTab"], "backTab", false),
            (["BSpace"], "backspace", false), (["DC"], "delete", false), (["Escape"], "escape", false),
            (["C-a"], "ctrl a", false), (["C-e"], "ctrl e", false),
            (["x"], "char x", true), (["中"], "char 中", true),
            (["\u{1B}[M %#"], "mouse press left 4,2", true),
            (["\u{1B}[M`%#"], "mouse wheelUp 4,2", true),
            (["\u{1B}[Ma$#"], "mouse wheelDown 3,2", true),
        ]
        for (send, expected, literal) in keys {
            host.session.send(send, literal: literal)
            let seen = host.session.waitForScreen(containing: "key: \(expected)\n", seconds: 5)
            #expect(seen.found, "sent \(send), screen:\n\(seen.screen)")
        }

        host.session.resize(width: 100, height: 30)
        let resized = host.session.waitForScreen(containing: "size 100x30")
        #expect(resized.found, "\(resized.screen)")
        lines = resized.screen.components(separatedBy: "\n")
        #expect(lines.count >= 30 && lines[29] == String(repeating: " ", count: 99) + "Z")
        #expect(host.logText.contains("key resize"))

        host.session.resize(width: 60, height: 20)
        #expect(host.session.waitForScreen(containing: "size 60x20").found)
        host.session.send(["C-l"])
        #expect(host.session.waitForScreen(containing: "key: ctrl l").found)
        lines = host.session.capture().components(separatedBy: "\n")
        #expect(lines.count >= 20 && lines[1] == "wide:中文|e\u{301}|⣿▇|" && lines[19] == String(repeating: " ", count: 59) + "Z")

        host.session.send(["q"], literal: true)
        let end = host.ending()
        #expect(end.status == 0, "\(host.logText)")
        #expect(end.sane, "\(host.logText)")
        #expect(host.logText.contains("stopped"))
        #expect(!host.session.capture().contains("vigil curses e2e"))  // the alternate screen is gone
    }

    @Test func sigtermEndsCleanly() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host())
        let pid = try #require(host.pid())
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        kill(pid, SIGTERM)
        let end = host.ending()
        #expect(host.logText.contains("signal terminate 15"), "\(host.logText)")
        #expect(end.status == 0 && end.sane, "\(host.logText)")
        #expect(!host.session.capture().contains("vigil curses e2e"))
    }

    @Test func ctrlCIsATermination() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host())
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        host.session.send(["C-c"])
        let end = host.ending()
        #expect(host.logText.contains("signal terminate 2"), "\(host.logText)")
        #expect(end.status == 0 && end.sane, "\(host.logText)")
    }

    @Test func hangupReloadsWhenConfigured() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["VIGIL_CURSES_HOST_HUP": "reload"]))
        let pid = try #require(host.pid())
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        kill(pid, SIGHUP)
        #expect(host.session.waitForScreen(containing: "reloads 1").found)
        kill(pid, SIGHUP)
        #expect(host.session.waitForScreen(containing: "reloads 2").found)
        kill(pid, SIGTERM)
        let end = host.ending()
        #expect(end.status == 0 && end.sane, "\(host.logText)")
    }

    @Test func crashRestoresTheTerminal() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        for (key, signal) in [("c", SIGSEGV), ("a", SIGABRT)] {
            let host = try #require(Host())
            try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
            host.session.send([key], literal: true)
            let end = host.ending()
            #expect(end.status == 128 + Int(signal), "\(host.logText)")
            #expect(end.sane, "\(host.logText)")
            #expect(!host.session.capture().contains("vigil curses e2e"))
        }
    }

    @Test func exitWithoutStopRestoresTheTerminal() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host())
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        host.session.send(["e"], literal: true)
        let end = host.ending()
        #expect(end.status == 3 && end.sane, "\(host.logText)")
        #expect(!host.session.capture().contains("vigil curses e2e"))
    }

    @Test func secondTerminationForcesExitWhenStuck() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["VIGIL_CURSES_HOST_STUCK": "1"]))
        let pid = try #require(host.pid())
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        kill(pid, SIGTERM)
        usleep(200_000)
        kill(pid, SIGTERM)
        let end = host.ending()
        #expect(end.status == 128 + Int(SIGTERM), "\(host.logText)")
        #expect(end.sane, "\(host.logText)")
        #expect(!host.session.capture().contains("vigil curses e2e"))
    }

    @Test func terminalGoneEndsEvenWhenHangupReloads() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["VIGIL_CURSES_HOST_HUP": "reload"]))
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        host.session.tmux(["kill-pane", "-t", "e2e"])
        #expect(host.waitForLog("stopped", seconds: 10), "\(host.logText)")
        #expect(host.logText.contains("signal terminate 1"), "\(host.logText)")
    }

    /// With `COLORTERM=truecolor` the screen loads the `-direct` terminfo entry (Debian's
    /// `ncurses-term`; skipped without it) and RGB colours reach the terminal unfolded.
    @Test func truecolorThroughTheDirectEntry() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let entries = ["/usr/share/terminfo/t/tmux-direct", "/lib/terminfo/t/tmux-direct", "/etc/terminfo/t/tmux-direct"]
        guard entries.contains(where: { FileManager.default.fileExists(atPath: $0) }) else {
            print("skipped: no tmux-direct terminfo entry (Debian package ncurses-term)")
            return
        }
        let host = try #require(Host(extraEnvironment: ["COLORTERM": "truecolor"]))
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        #expect(host.logText.contains("level truecolor symbols braille term tmux-direct"), "\(host.logText)")
        let colored = host.session.capture(escapes: true)
        #expect(colored.contains("38;2;255;0;0m") && colored.contains("RED"), "\(colored)")
        #expect(colored.contains("38;2;0;255;0m") && colored.contains("IDX46"), "\(colored)")
        #expect(colored.contains("44m") && colored.contains("BLUEBG"), "\(colored)")
        host.session.send(["q"], literal: true)
        let end = host.ending()
        #expect(end.status == 0 && end.sane, "\(host.logText)")
    }

    /// `NO_COLOR` gives a monochrome screen: attributes stay, colours go.
    @Test func noColorIsMonochrome() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["NO_COLOR": "1"]))
        try #require(host.session.waitForScreen(containing: "vigil curses e2e").found)
        #expect(host.logText.contains("level monochrome"), "\(host.logText)")
        let colored = host.session.capture(escapes: true)
        #expect(!colored.contains("38;5;") && !colored.contains("38;2;") && !colored.contains("44m"), "\(colored)")
        #expect(colored.contains("\u{1B}[1m") || colored.contains(";1m"), "bold survives: \(colored)")
        host.session.send(["q"], literal: true)
        #expect(host.ending().status == 0)
    }

    /// A non-UTF-8 locale: ASCII symbols, and wide characters the frame still holds come out as `?`
    /// in their columns without shifting the rest of the line.
    @Test func asciiLocaleKeepsColumns() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["LC_ALL": "C"]))
        let seen = host.session.waitForScreen(containing: "vigil curses e2e")
        try #require(seen.found, "\(seen.screen)")
        #expect(host.logText.contains("symbols ascii"), "\(host.logText)")
        let lines = seen.screen.components(separatedBy: "\n")
        // 中 and 文 take two columns each in the frame: "?" plus a space keeps "|" at column 9.
        #expect(lines[1].hasPrefix("wide:? ? |"), "\(lines[1])")
        host.session.send(["q"], literal: true)
        #expect(host.ending().status == 0)
    }

    /// A frame goes out in one `write` (two at most) however scattered its changes: ncurses 6.4
    /// would otherwise write after every cursor move until the screen was suspended once.
    @Test func framesGoOutInOneWrite() throws {
        guard !CursesEndToEndTests.tmuxMissing else { print("skipped: tmux is not installed"); return }
        let host = try #require(Host(extraEnvironment: ["VIGIL_CURSES_HOST_WRITES": "1"]))
        #expect(host.waitForLog("writes per frame"), "\(host.logText)")
        let line = host.logText.split(separator: "\n").first { $0.hasPrefix("writes per frame at most ") }
        let most = line.flatMap { Int($0.dropFirst("writes per frame at most ".count)) }
        #expect((1...2).contains(most ?? 0), "\(host.logText)")
        host.session.send(["q"], literal: true)
        #expect(host.ending().status == 0)
    }
}
