import Arguments
import Foundation

/// `vigil-bench render`: frame time of a 200×60 dashboard of 12 panels × 5 series (in process), then
/// the release `vigil` and Debian's `btop` (`update_ms = 1000`) each run on a pseudo-terminal of the
/// same size for the same time: bytes written to the terminal per second and CPU seconds, with the
/// ratios (Vigil's over btop's; the target is at most 0.5 for both).
enum RenderBenchmark {
    static let spec = CommandSpec(
        "render", summary: "Frame time of a 12-panel dashboard; bytes/s and CPU on a pty vs btop (update_ms = 1000).",
        options: [
            OptionSpec("vigil", value: "PATH", help: "The vigil binary (default .build/release/vigil in the repository)."),
            OptionSpec("btop", value: "PATH", help: "The btop binary (default /usr/bin/btop)."),
            OptionSpec("seconds", value: "N", help: "Measured seconds per program (default 60)."),
            OptionSpec("warmup", value: "N", help: "Seconds before measuring starts, for start-up and the first paint (default 5)."),
            OptionSpec("frames", value: "N", help: "Frames timed in process (default 300)."),
            OptionSpec("idle-seconds", value: "N", help: "Seconds of an idle vigil (only the clock changes), 0 to skip (default 10)."),
            OptionSpec("btop-truecolor", help: "Leave btop in 24-bit colour (its default); otherwise both draw in 256 colours."),
            OptionSpec("keep", help: "Keep the generated config folders and print where they are."),
        ])

    static let columns = 200
    static let rows = 60

    static func run(_ args: ParsedArguments) throws {
        let seconds = max(1, Double(args.value("seconds") ?? "") ?? 60)
        let warmup = max(0, Double(args.value("warmup") ?? "") ?? 5)
        let frames = max(10, Int(args.value("frames") ?? "") ?? 300)
        let vigil = args.value("vigil") ?? PeerProgram.repositoryRoot.appendingPathComponent(".build/release/vigil").path
        guard FileManager.default.isExecutableFile(atPath: vigil) else {
            throw PeerProgram.Failure(description:
                "no vigil binary at \(vigil): build it with `swift build -c release --product vigil` (or pass --vigil PATH)")
        }
        let btop = args.value("btop") ?? "/usr/bin/btop"
        guard FileManager.default.isExecutableFile(atPath: btop) else {
            throw PeerProgram.Failure(description: "no btop at \(btop): apt-get install btop (or pass --btop PATH)")
        }

        // 1. Frame time, in process.
        let timing = try FrameTiming.run(width: columns, height: rows, frames: frames)
        let frameMedian = FrameTiming.quantile(timing.frameMs, 0.5)
        let frameP99 = FrameTiming.quantile(timing.frameMs, 0.99)
        let cells = timing.changedCells.map(Double.init)
        print("frames: \(frames) at \(columns)x\(rows), \(timing.panelsShown) panels, \(timing.seriesShown) series shown")
        print(String(format: "frame (render + diff): median %.3f ms, p99 %.3f ms; changed cells per frame: median %.0f of %d",
                     frameMedian, frameP99, FrameTiming.quantile(cells, 0.5), columns * rows))
        print(String(format: "data refresh (queries, not part of the frame): median %.3f ms, p99 %.3f ms",
                     FrameTiming.quantile(timing.refreshMs, 0.5), FrameTiming.quantile(timing.refreshMs, 0.99)))

        // 2. Steady state on a pseudo-terminal, one program after the other.
        let dir = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("vigil-bench-render-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if !args.flag("keep") { try? FileManager.default.removeItem(at: dir) } }
        if args.flag("keep") { print("configs in \(dir.path)") }

        let vigilHome = dir.appendingPathComponent("vigil")
        try FileManager.default.createDirectory(at: vigilHome, withIntermediateDirectories: true)
        let config = vigilHome.appendingPathComponent("bench.yml")
        try Data(BenchDashboard.configYAML().utf8).write(to: config)
        let check = try PeerProgram.run(URL(fileURLWithPath: vigil), ["check", config.path])
        guard check.status == 0 else { throw PeerProgram.Failure(description: "vigil check rejects the bench config:\n\(check.output)") }
        let mine = try measure(vigil, ["--config", config.path], home: vigilHome, warmup: warmup, seconds: seconds)
        report("vigil", mine)
        let idleSeconds = max(0, Double(args.value("idle-seconds") ?? "") ?? 10)
        if idleSeconds > 0 {
            let idleConfig = vigilHome.appendingPathComponent("idle.yml")
            try Data(BenchDashboard.idleConfigYAML().utf8).write(to: idleConfig)
            let idle = try measure(vigil, ["--config", idleConfig.path], home: vigilHome, warmup: warmup, seconds: idleSeconds)
            report("vigil idle (only the status-bar clock changes)", idle)
        }

        let btopHome = dir.appendingPathComponent("btop")
        try BtopConfig.write(into: btopHome, truecolor: args.flag("btop-truecolor"))
        let peer = try measure(btop, [], home: btopHome, warmup: warmup, seconds: seconds)
        report("btop ", peer)

        let bytesRatio = peer.bytesPerSecond > 0 ? mine.bytesPerSecond / peer.bytesPerSecond : 0
        let cpuRatio = peer.cpuSeconds > 0 ? mine.cpuSeconds / peer.cpuSeconds : 0
        print("load average: \(RulesBenchmark.loadAverage())")
        print(String(format: "ratio (vigil / btop): bytes/s %.3f, cpu %.3f (target: at most 0.5 each)", bytesRatio, cpuRatio))
        print(String(format: "result: frame_ms=%.3f frame_p99_ms=%.3f vigil_bytes_per_s=%.0f btop_bytes_per_s=%.0f bytes_ratio=%.3f vigil_cpu_s=%.2f btop_cpu_s=%.2f cpu_ratio=%.3f",
                     frameMedian, frameP99, mine.bytesPerSecond, peer.bytesPerSecond, bytesRatio,
                     mine.cpuSeconds, peer.cpuSeconds, cpuRatio))
    }

    /// Runs one program on a fresh 200×60 pseudo-terminal with a clean environment (its config
    /// folder as `HOME` and `XDG_CONFIG_HOME`) and quits it with `q`.
    static func measure(_ executable: String, _ arguments: [String], home: URL, warmup: Double,
                        seconds: Double) throws -> PseudoTerminalRun.Measurement {
        let pty = try PseudoTerminalRun(columns: columns, rows: rows)
        let inherited = ProcessInfo.processInfo.environment
        let environment = [
            "TERM": "xterm-256color",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.path,
            "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "COLUMNS": String(columns),
            "LINES": String(rows),
        ]
        try pty.start(executable, arguments, environment: environment, directory: home.path)
        return try pty.measure(warmup: warmup, seconds: seconds, quitKeys: Array("q".utf8))
    }

    static func report(_ name: String, _ m: PseudoTerminalRun.Measurement) {
        print(String(format: "%@: %.0f bytes/s over %.0f s (%d bytes; %d in the warm-up), cpu %.2f s (%.2f%% of a core), %@%@%@",
                     name, m.bytesPerSecond, m.seconds, m.bytes, m.warmupBytes, m.cpuSeconds,
                     m.seconds > 0 ? 100 * m.cpuSeconds / m.seconds : 0, m.exitDescription,
                     m.controllingTerminal ? "" : ", NOT on the pty as controlling terminal",
                     m.queriesAnswered > 0 ? ", \(m.queriesAnswered) terminal queries answered" : ""))
    }
}
