import Foundation

/// The dashboard the tmux end-to-end tests run: the local host polled every second, a first
/// dashboard with a chart (Load) beside a stat (Memory), a second with the targets table. Vigil
/// runs in its own tmux server with a config folder of its own (no user config is picked up).
enum DashboardFixture {
    static let config = """
        global: {poll_interval: 1s, timeout: 1s}
        sources:
          - {name: host, kind: host}
        dashboards:
          - title: Main
            rows:
              - panels:
                  - {title: Load, type: timeseries, query: node_load1}
                  - {title: Memory, type: stat, query: node_memory_MemTotal_bytes, unit: bytes}
          - title: Second
            rows:
              - panels:
                  - {title: Targets, type: targets}
        """

    /// Starts vigil on the fixture config (nil, with a note, when tmux is missing). `env` is laid
    /// over the defaults (`TERM=screen-256color`).
    static func start(_ args: [String] = [], width: Int = 140, height: Int = 40,
                      env: [String: String] = [:]) throws -> TmuxSession? {
        guard TmuxSession.available else {
            print("note: tmux not installed; skipped")
            return nil
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("vigil.yml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        var environment = ["TERM": "screen-256color", "XDG_CONFIG_HOME": dir.path]
        for (k, v) in env { environment[k] = v }
        return try TmuxSession([VigilProcess.binary.path, "--config", file.path] + args, width: width, height: height,
                               env: environment)
    }

    /// How many SGR sequences in `screen` (a `capture-pane -e` capture) set a foreground or
    /// background colour (16-colour, bright, 256-colour or RGB forms; the default-colour resets 39
    /// and 49 do not count).
    static func colourSequences(in screen: String) -> Int {
        var count = 0
        for part in screen.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let end = part.firstIndex(where: { !($0.isNumber || $0 == ";") }), part[end] == "m" else { continue }
            let params = part[..<end].split(separator: ";", omittingEmptySubsequences: false).compactMap { Int($0) }
            if params.contains(where: { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0)
                || (100...107).contains($0) }) {
                count += 1
            }
        }
        return count
    }

    static func hasBraille(_ screen: String) -> Bool {
        screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }

    static func hasBoxDrawing(_ screen: String) -> Bool {
        screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }
    }
}
