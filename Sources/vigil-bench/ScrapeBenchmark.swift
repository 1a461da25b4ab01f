import Arguments
import Foundation

/// `vigil-bench scrape`: Vigil and Debian's Prometheus each scraping the same loopback targets
/// (200 exporters of 1,000 series, every second) for a minute; CPU seconds and peak memory of
/// each process, and missed or late polls as the targets saw them.
enum ScrapeBenchmark {
    static let spec = CommandSpec(
        "scrape", summary: "Vigil vs Prometheus scraping 200 loopback targets of 1,000 series every second (CPU, memory, missed polls).",
        options: [
            OptionSpec("vigil", value: "PATH", help: "The vigil binary (default .build/release/vigil in the repository)."),
            OptionSpec("prometheus", value: "PATH", help: "The prometheus binary (default /usr/bin/prometheus)."),
            OptionSpec("targets", value: "N", help: "Targets, one loopback port each (default 200)."),
            OptionSpec("series", value: "N", help: "Series per target (default 1000)."),
            OptionSpec("seconds", value: "N", help: "Measured seconds per tool (default 60)."),
            OptionSpec("warmup", value: "N", help: "Seconds each tool runs before the measured window (default 10; Prometheus starts scraping about 5 s after launch)."),
            OptionSpec("together", help: "Run both tools at the same time instead of one after the other."),
            OptionSpec("only", value: "TOOL", help: "Run only vigil or only prometheus (no ratio)."),
            OptionSpec("keep", help: "Keep the generated configs and logs and print their folder."),
        ])

    static let interval: UInt64 = 1_000_000_000

    /// What one tool did over its run.
    struct Measurement {
        var name: String
        /// From launch to the end of the window.
        var cpuSeconds: Double
        /// Inside the measured window only.
        var windowCPUSeconds: Double
        var windowSeconds: Double
        var peakResidentBytes: Int
        var timeliness: PollTimeliness
        /// What the tool itself says it stored, read at the end of the window (Prometheus only).
        var ingested: String?
    }

    /// One tool as the benchmark drives it.
    struct Tool {
        var name: String
        var client: ScrapeTargetServer.Client
        var executable: URL
        var arguments: [String]
        /// Prometheus's HTTP API port, to ask it what it ingested.
        var apiPort: Int?
    }

    static func run(_ args: ParsedArguments) throws {
        let targets = try positive(args, "targets", 200)
        let series = try positive(args, "series", 1000)
        let seconds = try positive(args, "seconds", 60)
        let warmup = try positive(args, "warmup", 10)
        let only = args.value("only")
        guard only == nil || only == "vigil" || only == "prometheus" else {
            throw UsageError("--only takes vigil or prometheus, not '\(only ?? "")'", command: "vigil-bench scrape")
        }
        let vigil = URL(fileURLWithPath: args.value("vigil")
            ?? PeerProgram.repositoryRoot.appendingPathComponent(".build/release/vigil").path)
        let prometheus = URL(fileURLWithPath: args.value("prometheus") ?? "/usr/bin/prometheus")
        if only != "prometheus" && !FileManager.default.isExecutableFile(atPath: vigil.path) {
            throw PeerProgram.Failure(description:
                "no vigil binary at \(vigil.path): build it with `swift build -c release --product vigil` (or pass --vigil PATH)")
        }
        if only != "vigil" && !FileManager.default.isExecutableFile(atPath: prometheus.path) {
            throw PeerProgram.Failure(description: "no prometheus at \(prometheus.path): apt-get install prometheus (or pass --prometheus PATH)")
        }

        let dir = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("vigil-bench-scrape-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if !args.flag("keep") { try? FileManager.default.removeItem(at: dir) } }

        let payloads = ScrapeTargetPayloads(targets: targets, seriesPerTarget: series)
        let server = try ScrapeTargetServer(payloads: payloads)
        payloads.start()
        server.start()
        defer {
            server.stop()
            payloads.stop()
        }
        let addresses = server.ports.map { "127.0.0.1:\($0)" }
        print("targets: \(targets) on 127.0.0.1 ports \(server.ports.min() ?? 0)-\(server.ports.max() ?? 0), "
            + "\(series) series each (\(payloads.bodyBytes / 1024) KiB a response, values new every second), "
            + "interval 1s, \(warmup)s warm-up + \(seconds)s measured per tool, "
            + (args.flag("together") ? "both tools at once" : "one tool after the other")
            + (args.flag("keep") ? "; files in \(dir.path)" : ""))

        // The payload must be one Vigil ingests whole, or the comparison means nothing.
        if only != "prometheus", let first = addresses.first {
            let check = LoopbackQuery.vigilPoll(vigil, url: "http://\(first)/metrics")
            guard check.ok, check.samples == series else {
                throw PeerProgram.Failure(description: "vigil poll of a target did not give \(series) samples:\n\(check.output.prefix(2000))")
            }
            print("check: vigil poll of one target parsed all \(series) samples")
        }
        var tools: [Tool] = []
        if only != "prometheus" {
            tools.append(try vigilTool(vigil, addresses: addresses, dir: dir))
        }
        if only != "vigil" {
            tools.append(try prometheusTool(prometheus, addresses: addresses, dir: dir))
        }
        let benchCPUBefore = BenchClock.cpuSeconds()
        var results: [Measurement] = []
        if args.flag("together") {
            results = try measure(tools, server: server, dir: dir, warmup: warmup, seconds: seconds)
        } else {
            for tool in tools {
                results += try measure([tool], server: server, dir: dir, warmup: warmup, seconds: seconds)
            }
        }
        let benchCPU = BenchClock.cpuSeconds() - benchCPUBefore

        for m in results { report(m) }
        print(String(format: "bench process (targets + rendering): cpu %.2f s, of which rendering %.2f s wall; load average %@",
                     benchCPU, payloads.renderSeconds, RulesBenchmark.loadAverage()))
        let v = results.first { $0.name == "vigil" }
        let p = results.first { $0.name == "prometheus" }
        var fields: [String] = []
        if let v {
            fields.append(String(format: "vigil_cpu_s=%.2f", v.cpuSeconds))
        }
        if let p {
            fields.append(String(format: "prometheus_cpu_s=%.2f", p.cpuSeconds))
        }
        if let v, let p, p.cpuSeconds > 0 {
            let ratio = v.cpuSeconds / p.cpuSeconds
            print(String(format: "cpu ratio (vigil / prometheus): %.3f (target: at most 0.5)", ratio))
            fields.append(String(format: "cpu_ratio=%.3f", ratio))
        }
        if let v { fields.append(String(format: "vigil_peak_rss_mb=%.1f", Double(v.peakResidentBytes) / 1_048_576)) }
        if let p { fields.append(String(format: "prometheus_peak_rss_mb=%.1f", Double(p.peakResidentBytes) / 1_048_576)) }
        if let v {
            fields.append("missed=\(v.timeliness.missed) late=\(v.timeliness.late) skipped=\(v.timeliness.skipped)")
            fields.append("vigil_scrapes=\(v.timeliness.scrapes) expected=\(v.timeliness.expected)")
        }
        if let p {
            fields.append("prometheus_missed=\(p.timeliness.missed) prometheus_late=\(p.timeliness.late) prometheus_scrapes=\(p.timeliness.scrapes)")
        }
        print("result: " + fields.joined(separator: " "))
    }

    static func positive(_ args: ParsedArguments, _ name: String, _ fallback: Int) throws -> Int {
        guard let text = args.value(name) else { return fallback }
        guard let n = Int(text), n > 0 else {
            throw UsageError("--\(name) takes a positive whole number, not '\(text)'", command: "vigil-bench scrape")
        }
        return n
    }

    /// Runs `tools` at once for warm-up + window and measures each.
    static func measure(_ tools: [Tool], server: ScrapeTargetServer, dir: URL, warmup: Int, seconds: Int) throws -> [Measurement] {
        var running: [MeasuredProcess] = []
        defer { for p in running { p.stop() } }
        for tool in tools {
            print("starting \(tool.name): \(tool.executable.path) \(tool.arguments.joined(separator: " "))")
            running.append(try MeasuredProcess(name: tool.name, executable: tool.executable, arguments: tool.arguments,
                                               log: dir.appendingPathComponent("\(tool.name).log"), directory: dir))
        }
        sleep(UInt32(warmup))
        try checkAlive(running)
        let cpuAtStart = running.map { $0.cpuSeconds() ?? 0 }
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds) * 1_000_000_000
        while DispatchTime.now().uptimeNanoseconds < end {
            usleep(200_000)
            try checkAlive(running)
        }
        let cpuAtEnd = running.map { $0.cpuSeconds() ?? 0 }
        let peaks = running.map { $0.peakResidentBytes() ?? 0 }
        let ingested: [String?] = tools.map { tool in
            guard let port = tool.apiPort else { return nil }
            let up = LoopbackQuery.prometheusValue(port: port, expr: "count(up == 1)")
            let samples = LoopbackQuery.prometheusValue(port: port, expr: "sum(scrape_samples_scraped)")
            return "its API: \(up.map { String(Int($0)) } ?? "?") targets up, \(samples.map { String(Int($0)) } ?? "?") samples in the last scrapes"
        }
        for p in running { p.stop() }
        running = []
        // Scrapes answered right after the window still count as the gap's far end.
        usleep(1_500_000)
        let arrivals = server.snapshot()
        return tools.indices.map { k in
            Measurement(name: tools[k].name, cpuSeconds: cpuAtEnd[k], windowCPUSeconds: cpuAtEnd[k] - cpuAtStart[k],
                        windowSeconds: Double(seconds), peakResidentBytes: peaks[k],
                        timeliness: PollTimeliness(arrivals: arrivals[tools[k].client.rawValue], start: start, end: end, interval: interval),
                        ingested: ingested[k])
        }
    }

    static func checkAlive(_ running: [MeasuredProcess]) throws {
        for p in running where !p.isRunning {
            throw PeerProgram.Failure(description: "\(p.name) exited early; the end of its log (\(p.log.path)):\n\(p.logTail())")
        }
    }

    static func report(_ m: Measurement) {
        let t = m.timeliness
        print(String(format: "%-10@ cpu %7.2f s (%.2f s in the window, %.1f%% of a core)  peak rss %7.1f MiB  "
                     + "scrapes %d of %d  missed %d  late %d  skipped %d  unscraped targets %d  longest gap %.2f s",
                     m.name as NSString, m.cpuSeconds, m.windowCPUSeconds,
                     100 * m.windowCPUSeconds / m.windowSeconds,
                     Double(m.peakResidentBytes) / 1_048_576, t.scrapes, t.expected, t.missed, t.late, t.skipped,
                     t.unscrapedTargets, Double(t.longestGap) / 1e9))
        if let ingested = m.ingested { print("           \(ingested)") }
    }

    // MARK: - The tools' configs

    static func vigilTool(_ vigil: URL, addresses: [String], dir: URL) throws -> Tool {
        var yaml = "# vigil-bench scrape: every target every second.\nglobal:\n  poll_interval: 1s\n  timeout: 1s\n"
        yaml += "sources:\n  - name: bench\n    targets:\n"
        for a in addresses { yaml += "      - \"\(a)\"\n" }
        let config = dir.appendingPathComponent("vigil.yml")
        try Data(yaml.utf8).write(to: config)
        let help = (try? PeerProgram.run(vigil, ["run", "--help"]).output) ?? ""
        let arguments = help.contains("--headless")
            ? ["run", "--headless", "--config", config.path]
                + (help.contains("--state-dir") ? ["--state-dir", dir.appendingPathComponent("vigil-state").path] : [])
            : ["snapshot", "--after", "1h", "--config", config.path, "--width", "80", "--height", "24"]
        return Tool(name: "vigil", client: .vigil, executable: vigil, arguments: arguments, apiPort: nil)
    }

    static func prometheusTool(_ prometheus: URL, addresses: [String], dir: URL) throws -> Tool {
        var yaml = "# vigil-bench scrape: every target every second.\nglobal:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        yaml += "scrape_configs:\n  - job_name: bench\n    static_configs:\n      - targets:\n"
        for a in addresses { yaml += "          - \"\(a)\"\n" }
        let config = dir.appendingPathComponent("prometheus.yml")
        try Data(yaml.utf8).write(to: config)
        let port = try freePort()
        return Tool(name: "prometheus", client: .prometheus, executable: prometheus, arguments: [
            "--config.file=\(config.path)",
            "--storage.tsdb.path=\(dir.appendingPathComponent("prometheus-data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
        ], apiPort: port)
    }

    /// A loopback port nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PeerProgram.Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw PeerProgram.Failure(description: "no free loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
