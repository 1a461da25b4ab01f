import Foundation
import Glibc

/// A private tmux server (its own socket) running one command in an 80×24 pane, for end-to-end
/// tests: type with `send`, read the screen with `capture`. Every wait is bounded.
final class TmuxSession {
    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let socket: String

    init?(command: String, width: Int = 80, height: Int = 24) {
        guard TmuxSession.tmuxPath != nil else { return nil }
        socket = "vigil-curses-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let started = tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", String(width), "-y", String(height), command])
        guard started.status == 0 else { return nil }
        _ = tmux(["set-option", "-t", "e2e", "remain-on-exit", "on"])
    }

    deinit { _ = tmux(["kill-server"]) }

    /// Runs one tmux client command (posix_spawn + waitpid: the server it may start daemonizes and
    /// must not hold anything the test waits on).
    @discardableResult
    func tmux(_ args: [String], readOutput: Bool = false) -> (status: Int32, output: String) {
        guard let path = TmuxSession.tmuxPath else { return (-1, "") }
        let argv = [path, "-L", socket] + args
        var fds: [Int32] = [-1, -1]
        if readOutput { guard pipe(&fds) == 0 else { return (-1, "") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if readOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        // The calling test thread may block signals (Swift Testing's and Dispatch's workers do); a
        // child inherits that mask, and a tmux server blocking SIGCHLD never finished kill-server
        // (the server outlived the test). The child starts with no signal blocked, defaults restored.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, path, &actions, &attributes, &cargs, environ)
        if readOutput { close(fds[1]) }
        guard rc == 0 else {
            if readOutput { close(fds[0]) }
            return (-1, "")
        }
        var data: [UInt8] = []
        if readOutput {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n > 0 { data += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exit, String(decoding: data, as: UTF8.self))
    }

    /// The visible screen; with `escapes`, colours and attributes as SGR sequences.
    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : []), readOutput: true).output
    }

    /// Types keys (tmux key names such as `Up`, `F5`, `C-a`, or literal text with `literal`).
    func send(_ keys: [String], literal: Bool = false) {
        tmux(["send-keys", "-t", "e2e"] + (literal ? ["-l"] : []) + keys)
    }

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", "e2e", "-x", String(width), "-y", String(height)])
    }

    /// Polls `probe` every 50 ms until it returns true or `seconds` pass.
    static func wait(seconds: Double, _ probe: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if probe() { return true }
            usleep(50_000)
        }
        return probe()
    }

    /// Waits until the screen contains `text`; returns the last capture.
    func waitForScreen(containing text: String, seconds: Double = 20) -> (found: Bool, screen: String) {
        var last = ""
        let found = TmuxSession.wait(seconds: seconds) {
            last = capture()
            return last.contains(text)
        }
        return (found, last)
    }
}
