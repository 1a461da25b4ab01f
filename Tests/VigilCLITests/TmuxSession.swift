import Foundation

/// Drives the real `vigil` binary inside a detached tmux session: the end-to-end way to test
/// the terminal UI (`send-keys` to type, `capture-pane` to read the screen).
final class TmuxSession {
    let name: String
    private let socket: String

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// Starts `command` in a new session of `width`×`height` with its own tmux server socket.
    init(_ command: [String], width: Int = 120, height: Int = 40, env: [String: String] = [:]) throws {
        name = "vigil-e2e-\(UUID().uuidString.prefix(8))"
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sock").path
        let envPrefix = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let shellCommand = (envPrefix.isEmpty ? "" : "env \(envPrefix) ") + command.map(Self.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), shellCommand])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Sends keys as tmux names them (`q`, `Enter`, `Escape`, `C-c`, `Up`...).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types literal text.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as text.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func captureWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last capture.
    @discardableResult
    func waitFor(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < end {
            screen = try capture()
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return screen
    }

    /// True once the program in the pane has exited (`remain-on-exit` keeps the pane).
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func exitStatus() throws -> Int32? {
        Int32(try tmux(["display-message", "-p", "-t", name, "#{pane_dead_status}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs tmux with posix_spawn and waitpid; output goes through a temporary file, so a forked
    /// tmux server can never hold a pipe open and nothing depends on Foundation's child reaping.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["/usr/bin/tmux", "-S", socket] + args
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        // The test runner's threads block SIGCHLD and SIGTERM; a tmux server inheriting that mask
        // never reaps its pane (no exit status) and never exits. Start it with nothing blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &cargs, environ)
        guard rc == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
