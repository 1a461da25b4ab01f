import Arguments
import Foundation

/// `vigil-bench rules`: `vigil test rules` against `promtool test rules` on one generated unit-test
/// file (1,000 series, 200 rules, a day of 1-minute samples), wall and CPU time of each.
enum RulesBenchmark {
    static let spec = CommandSpec(
        "rules", summary: "vigil test rules vs promtool test rules on a generated day of data (wall + CPU time).",
        options: [
            OptionSpec("vigil", value: "PATH", help: "The vigil binary (default .build/release/vigil in the repository)."),
            OptionSpec("promtool", value: "PATH", help: "The promtool binary (default /usr/bin/promtool)."),
            OptionSpec("hours", value: "N", help: "Hours of 1-minute samples (default 24, at least 24)."),
            OptionSpec("runs", value: "N", help: "Runs of each tool, alternating; the fastest counts (default 1, at most 20)."),
            OptionSpec("keep", help: "Keep the generated files and print their folder."),
        ])

    struct Measurement {
        let status: Int32
        let wallSeconds: Double
        let cpuSeconds: Double
        let output: String
    }

    static func run(_ args: ParsedArguments) throws {
        let vigil = URL(fileURLWithPath: args.value("vigil")
            ?? PeerProgram.repositoryRoot.appendingPathComponent(".build/release/vigil").path)
        guard FileManager.default.isExecutableFile(atPath: vigil.path) else {
            throw PeerProgram.Failure(description:
                "no vigil binary at \(vigil.path): build it with `swift build -c release --product vigil` (or pass --vigil PATH)")
        }
        let promtool = URL(fileURLWithPath: args.value("promtool") ?? "/usr/bin/promtool")
        guard FileManager.default.isExecutableFile(atPath: promtool.path) else {
            throw PeerProgram.Failure(description: "no promtool at \(promtool.path): apt-get install prometheus (or pass --promtool PATH)")
        }
        let hours = max(24, Int(args.value("hours") ?? "") ?? 24)
        let runs = min(20, max(1, Int(args.value("runs") ?? "") ?? 1))

        let dir = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("vigil-bench-rules-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if !args.flag("keep") { try? FileManager.default.removeItem(at: dir) } }

        let generator = Generator(hours: hours)
        let rules = generator.ruleFile()
        let tests = generator.testFile(ruleFile: "rules.yml")
        try Data(rules.utf8).write(to: dir.appendingPathComponent("rules.yml"))
        try Data(tests.utf8).write(to: dir.appendingPathComponent("tests.yml"))
        print("generated: \(Generator.seriesCount) series, \(Generator.ruleCount) rules "
            + "(\(Generator.recordingPerJob * Generator.jobs) recording, \(Generator.alertingPerJob * Generator.jobs) alerting), "
            + "\(generator.minutes + 1) samples per series (1m steps, \(hours)h), "
            + "\(generator.alertTestCount) alert_rule_test + \(generator.exprTestCount) promql_expr_test cases; "
            + "test file \(tests.utf8.count / 1024) KiB, rule file \(rules.utf8.count / 1024) KiB"
            + (args.flag("keep") ? " in \(dir.path)" : ""))

        // On a shared machine one slow run says little: with --runs, each tool runs that many
        // times, alternating so both see the same load, and its fastest run counts.
        var mine = try measure(vigil, ["test", "rules", "tests.yml"], in: dir)
        report("vigil test rules   ", mine)
        var peer = try measure(promtool, ["test", "rules", "tests.yml"], in: dir)
        report("promtool test rules", peer)
        for _ in 1..<runs where mine.status == 0 && peer.status == 0 {
            let m = try measure(vigil, ["test", "rules", "tests.yml"], in: dir)
            report("vigil test rules   ", m)
            let p = try measure(promtool, ["test", "rules", "tests.yml"], in: dir)
            report("promtool test rules", p)
            mine = faster(mine, m)
            peer = faster(peer, p)
        }
        guard mine.status == 0, peer.status == 0 else {
            if mine.status != 0 { FileHandle.standardError.write(Data("vigil output:\n\(mine.output)\n".utf8)) }
            if peer.status != 0 { FileHandle.standardError.write(Data("promtool output:\n\(peer.output)\n".utf8)) }
            throw PeerProgram.Failure(description: "both tools must pass the generated tests (vigil exit \(mine.status), promtool exit \(peer.status))")
        }

        let ratio = peer.wallSeconds / mine.wallSeconds
        let cpuRatio = mine.cpuSeconds > 0 ? peer.cpuSeconds / mine.cpuSeconds : 0
        print("load average: \(loadAverage())")
        print(String(format: "ratio (promtool / vigil): wall %.2fx, cpu %.2fx", ratio, cpuRatio))
        print(String(format: "result: vigil_seconds=%.3f promtool_seconds=%.3f vigil_cpu_seconds=%.3f promtool_cpu_seconds=%.3f cpu_ratio=%.2f ratio=%.2f",
                     mine.wallSeconds, peer.wallSeconds, mine.cpuSeconds, peer.cpuSeconds, cpuRatio, ratio))
    }

    /// The faster of two runs by wall time, a failed run winning so its output is shown.
    static func faster(_ a: Measurement, _ b: Measurement) -> Measurement {
        if a.status != 0 { return a }
        if b.status != 0 { return b }
        return b.wallSeconds < a.wallSeconds ? b : a
    }

    static func report(_ name: String, _ m: Measurement) {
        print(String(format: "%@: wall %8.3f s  cpu %8.3f s  exit %d", name, m.wallSeconds, m.cpuSeconds, m.status))
    }

    /// Runs a program to completion in `dir`; CPU time is the change in the children's
    /// user + system time (`getrusage(RUSAGE_CHILDREN)`), which counts the child once reaped.
    static func measure(_ exe: URL, _ args: [String], in dir: URL) throws -> Measurement {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = dir
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        let cpuBefore = childrenCPUSeconds()
        var data = Data()
        let wall = try BenchClock.seconds {
            try p.run()
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
        }
        // Foundation reaps the child on its own queue; wait (bounded) until its usage is counted.
        var cpu = childrenCPUSeconds() - cpuBefore
        for _ in 0..<100 where cpu <= 0 {
            usleep(10_000)
            cpu = childrenCPUSeconds() - cpuBefore
        }
        return Measurement(status: p.terminationStatus, wallSeconds: wall, cpuSeconds: cpu,
                           output: String(decoding: data, as: UTF8.self))
    }

    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func loadAverage() -> String {
        guard let s = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return s.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

extension RulesBenchmark {
    /// Deterministic generator of the benchmark's rule file and unit-test file. 20 jobs of 10
    /// instances; per instance two request counters (code 200 and 500), a queue-depth gauge, a
    /// memory gauge and `up` (1,000 series). Per job a rule group of 6 recording and 4 alerting
    /// rules (200 rules). Scheduled incidents make alerts fire and resolve at known minutes, so the
    /// expectations are exact; every check sits well inside an incident or well outside one, so it
    /// holds whether or not a window includes its left edge (Prometheus 2.42 and 3.x alike).
    struct Generator {
        static let jobs = 20
        static let instances = 10
        static let seriesPerInstance = 5
        static let seriesCount = jobs * instances * seriesPerInstance
        static let recordingPerJob = 6
        static let alertingPerJob = 4
        static let ruleCount = jobs * (recordingPerJob + alertingPerJob)

        let hours: Int
        var minutes: Int { hours * 60 }

        // Incidents (minutes after the start, inclusive ranges).
        /// Instance i0 of jobs with k % 4 == 0 is down.
        static let downFrom = 600, downTo = 629
        /// Jobs with k % 3 == 2 serve 500s at 30/min during hour 10.
        static let errorHour = 10
        /// Instance i1 of jobs with k % 5 == 1 has a queue of 900 during hour 15.
        static let backlogHour = 15
        /// Job j7's instances use 4 GB from hour 20 on.
        static let memoryJob = 7, memoryFromHour = 20

        func job(_ k: Int) -> String { "j\(k)" }

        /// A small deterministic hash for varied, repeatable slopes and levels.
        func mix(_ a: Int, _ b: Int, _ c: Int) -> Int {
            var x = UInt64(a &* 73_856_093 ^ b &* 19_349_663 ^ c &* 83_492_791) &+ 0x9E37_79B9_7F4A_7C15
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((x ^ (x >> 31)) % 1000)
        }

        // MARK: rule file

        func ruleFile() -> String {
            var s = "groups:\n"
            for k in 0..<Self.jobs {
                let j = job(k)
                s += """
                  - name: job-\(j)
                    rules:
                      - record: job:http_requests:rate5m
                        expr: sum by (job) (rate(http_requests_total{job="\(j)"}[5m]))
                      - record: job:http_errors:rate5m
                        expr: sum by (job) (rate(http_requests_total{job="\(j)", code="500"}[5m]))
                      - record: job:http_error_ratio:rate5m
                        expr: job:http_errors:rate5m{job="\(j)"} / job:http_requests:rate5m{job="\(j)"}
                      - record: job:queue_depth:max
                        expr: max by (job) (queue_depth{job="\(j)"})
                      - record: job:memory_bytes:avg
                        expr: avg by (job) (memory_bytes{job="\(j)"})
                      - record: job:up:sum
                        expr: sum by (job) (up{job="\(j)"})
                      - alert: HighErrorRatio
                        expr: job:http_error_ratio:rate5m{job="\(j)"} > 0.05
                        for: 5m
                        labels:
                          severity: ticket
                        annotations:
                          summary: "{{ $labels.job }} fails too many requests"
                      - alert: InstanceDown
                        expr: up{job="\(j)"} == 0
                        for: 2m
                        labels:
                          severity: page
                        annotations:
                          summary: "{{ $labels.job }}/{{ $labels.instance }} is down"
                      - alert: QueueBacklog
                        expr: queue_depth{job="\(j)"} > 800
                        for: 10m
                        labels:
                          severity: ticket
                        annotations:
                          summary: "{{ $labels.instance }} has {{ $value }} queued"
                      - alert: MemoryHigh
                        expr: job:memory_bytes:avg{job="\(j)"} > 3e9
                        for: 15m
                        labels:
                          severity: warn
                        annotations:
                          summary: "{{ $labels.job }} uses {{ $value | humanize1024 }}B on average"

                """
            }
            return s
        }

        // MARK: series

        /// Hour-long segments in expanding notation ("start+slopexN"), plus the final sample.
        func counterValues(start: Int, slope: (Int) -> Int) -> String {
            var parts: [String] = []
            var v = start
            for h in 0..<hours {
                let s = slope(h)
                parts.append("\(v)+\(s)x59")
                v += 60 * s
            }
            parts.append("\(v)")
            return parts.joined(separator: " ")
        }

        func gaugeValues(_ hourly: (Int) -> (start: Int, step: Int)) -> String {
            var parts: [String] = []
            var last = 0
            for h in 0..<hours {
                let (start, step) = hourly(h)
                parts.append(step >= 0 ? "\(start)+\(step)x59" : "\(start)-\(-step)x59")
                last = start + 59 * step
            }
            parts.append("\(last)")
            return parts.joined(separator: " ")
        }

        func upValues(down: Bool) -> String {
            guard down else { return "1x\(minutes)" }
            return "1x\(Self.downFrom - 1) 0x\(Self.downTo - Self.downFrom) 1x\(minutes - Self.downTo - 1)"
        }

        func isDown(_ k: Int, _ i: Int) -> Bool { k % 4 == 0 && i == 0 }
        func hasErrors(_ k: Int) -> Bool { k % 3 == 2 }
        func hasBacklog(_ k: Int, _ i: Int) -> Bool { k % 5 == 1 && i == 1 }

        func inputSeries() -> String {
            var s = ""
            func add(_ series: String, _ values: String) {
                s += "      - series: '\(series)'\n        values: '\(values)'\n"
            }
            for k in 0..<Self.jobs {
                let j = job(k)
                for i in 0..<Self.instances {
                    let labels = "job=\"\(j)\", instance=\"i\(i)\""
                    add("http_requests_total{\(labels), code=\"200\"}",
                        counterValues(start: mix(k, i, 1) * 100) { h in 60 + mix(k, i, h) % 120 })
                    add("http_requests_total{\(labels), code=\"500\"}",
                        counterValues(start: mix(k, i, 2)) { h in hasErrors(k) && h == Self.errorHour ? 30 : 1 })
                    add("queue_depth{\(labels)}", gaugeValues { h in
                        hasBacklog(k, i) && h == Self.backlogHour ? (900, 0) : (100 + mix(k, i, h) % 100, (h % 2 == 0) ? 5 : -1)
                    })
                    add("memory_bytes{\(labels)}", gaugeValues { h in
                        k == Self.memoryJob && h >= Self.memoryFromHour
                            ? (4_000_000_000, 0) : (1_000_000_000 + mix(k, i, h) * 1_000_000, 1000)
                    })
                    add("up{\(labels)}", upValues(down: isDown(k, i)))
                }
            }
            return s
        }

        // MARK: tests

        struct AlertCheck {
            let minute: Int
            let name: String
            let alerts: [(labels: [(String, String)], annotations: [(String, String)])]
        }

        var alertChecks: [AlertCheck] {
            let downJobs = (0..<Self.jobs).filter { isDown($0, 0) }
            let errorJobs = (0..<Self.jobs).filter(hasErrors)
            let backlogJobs = (0..<Self.jobs).filter { hasBacklog($0, 1) }
            return [
                AlertCheck(minute: 300, name: "InstanceDown", alerts: []),
                AlertCheck(minute: 615, name: "InstanceDown", alerts: downJobs.map { k in
                    ([("instance", "i0"), ("job", job(k)), ("severity", "page")], [("summary", "\(job(k))/i0 is down")])
                }),
                AlertCheck(minute: 700, name: "InstanceDown", alerts: []),
                AlertCheck(minute: Self.errorHour * 60 + 40, name: "HighErrorRatio", alerts: errorJobs.map { k in
                    ([("job", job(k)), ("severity", "ticket")], [("summary", "\(job(k)) fails too many requests")])
                }),
                AlertCheck(minute: Self.errorHour * 60 + 90, name: "HighErrorRatio", alerts: []),
                AlertCheck(minute: Self.backlogHour * 60 + 30, name: "QueueBacklog", alerts: backlogJobs.map { k in
                    ([("instance", "i1"), ("job", job(k)), ("severity", "ticket")], [("summary", "i1 has 900 queued")])
                }),
                AlertCheck(minute: Self.backlogHour * 60 + 100, name: "QueueBacklog", alerts: []),
                AlertCheck(minute: Self.memoryFromHour * 60 + 30, name: "MemoryHigh", alerts: [
                    ([("job", job(Self.memoryJob)), ("severity", "warn")],
                     [("summary", "\(job(Self.memoryJob)) uses 3.725GiB on average")]),
                ]),
                AlertCheck(minute: minutes, name: "MemoryHigh", alerts: [
                    ([("job", job(Self.memoryJob)), ("severity", "warn")],
                     [("summary", "\(job(Self.memoryJob)) uses 3.725GiB on average")]),
                ]),
            ]
        }

        struct ExprCheck {
            let minute: Int
            let expr: String
            let samples: [(labels: String, value: String)]
        }

        var exprChecks: [ExprCheck] {
            let downJobs = (0..<Self.jobs).filter { isDown($0, 0) }
            return [
                ExprCheck(minute: 615, expr: "job:up:sum{job=\"j0\"}", samples: [("job:up:sum{job=\"j0\"}", "9")]),
                ExprCheck(minute: 700, expr: "job:up:sum{job=\"j0\"}", samples: [("job:up:sum{job=\"j0\"}", "10")]),
                ExprCheck(minute: 615, expr: "count(ALERTS{alertname=\"InstanceDown\", alertstate=\"firing\"})",
                          samples: [("{}", "\(downJobs.count)")]),
                ExprCheck(minute: Self.backlogHour * 60 + 30, expr: "job:queue_depth:max{job=\"j1\"}",
                          samples: [("job:queue_depth:max{job=\"j1\"}", "900")]),
                ExprCheck(minute: minutes - 1, expr: "job:memory_bytes:avg{job=\"j\(Self.memoryJob)\"}",
                          samples: [("job:memory_bytes:avg{job=\"j\(Self.memoryJob)\"}", "4000000000")]),
                ExprCheck(minute: minutes, expr: "count(up == 1)", samples: [("{}", "\(Self.jobs * Self.instances)")]),
                ExprCheck(minute: minutes, expr: "count(job:http_requests:rate5m > 0)", samples: [("{}", "\(Self.jobs)")]),
            ]
        }

        var alertTestCount: Int { alertChecks.count }
        var exprTestCount: Int { exprChecks.count }

        func testFile(ruleFile: String) -> String {
            var s = """
                rule_files:
                  - \(ruleFile)
                evaluation_interval: 1m
                tests:
                  - name: day of traffic
                    interval: 1m
                    input_series:

                """
            s += inputSeries()
            s += "    alert_rule_test:\n"
            for check in alertChecks {
                s += "      - eval_time: \(check.minute)m\n        alertname: \(check.name)\n"
                if check.alerts.isEmpty {
                    s += "        exp_alerts: []\n"
                    continue
                }
                s += "        exp_alerts:\n"
                for alert in check.alerts {
                    s += "          - exp_labels:\n"
                    for (k, v) in alert.labels { s += "              \(k): \"\(v)\"\n" }
                    if !alert.annotations.isEmpty {
                        s += "            exp_annotations:\n"
                        for (k, v) in alert.annotations { s += "              \(k): \"\(v)\"\n" }
                    }
                }
            }
            s += "    promql_expr_test:\n"
            for check in exprChecks {
                s += "      - expr: '\(check.expr)'\n        eval_time: \(check.minute)m\n        exp_samples:\n"
                for sample in check.samples {
                    s += "          - labels: '\(sample.labels)'\n            value: \(sample.value)\n"
                }
            }
            return s
        }
    }
}
