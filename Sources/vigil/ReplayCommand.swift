import Arguments
import Config
import Curses
import Foundation
import TimeSeries
import Recording

/// `vigil replay FILE`: the dashboards and rules of `vigil run`, fed from a recording made with
/// `vigil run --record` instead of the sources: review an incident, or try a new rule on last
/// week's data. `--alerts` prints the replayed alert transitions as text instead of drawing,
/// `--recorded-alerts` the ones the recorded run saw, `--info` what the recording holds.
enum ReplayCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        func usage(_ m: String) -> ExitCode { Vigil.usage(UsageError(m, command: "vigil replay")) }
        guard let path = args.positionals.first else { return usage("missing recording FILE") }
        if args.flag("info") { return ReplayInfo.print(path: path) }
        if args.flag("recorded-alerts") { return ReplayInfo.printRecordedAlerts(path: path) }
        var settings = ReplayDriver.Settings(path: path)
        let alerts = args.flag("alerts")
        // Printing transitions has nobody to watch the pace: as fast as possible unless asked.
        settings.speed = alerts ? nil : 1
        if let s = args.value("speed") {
            guard let speed = parseSpeed(s) else { return usage("invalid --speed '\(s)' (a positive number up to 1000000, or 0 or max for as fast as possible)") }
            settings.speed = speed
        }
        if let f = args.value("from") {
            guard let start = ReplayTime.parseStart(f) else {
                return usage("invalid --from '\(f)' (RFC 3339, Unix seconds, or a duration from the start such as 10m)")
            }
            settings.from = start
        }
        if let w = args.value("warmup") {
            guard case .success(let d) = PromDuration.parse(w) else { return usage("invalid --warmup '\(w)'") }
            settings.warmup = d.milliseconds
        }
        let rules = args.all("rules")
        if !rules.isEmpty { settings.ruleFiles = rules }
        let recordingStart: Int64
        do {
            guard let start = try RecordReader(path: path).startTime() else {
                printError("vigil replay: \(path): the recording holds no blocks")
                return .failure
            }
            recordingStart = start
        } catch {
            printError("vigil replay: \(error)")
            return .failure
        }
        // A reload restarts the replay from the beginning, in a fresh store.
        let build = { (_: SeriesStore?) -> Result<Runtime, RunFailure> in
            let driver = ReplayDriver(settings: settings, recordingStart: recordingStart)
            var options = RuntimeOptions()
            options.feed = .replay(driver)
            return RunCommand.makeRuntime(configFlag: args.value("config"), options: options)
        }
        let runtime: Runtime
        switch build(nil) {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let r): runtime = r
        }
        for e in runtime.ruleErrors { printError("vigil replay: \(e)") }
        guard let driver = runtime.feed.replay else { return .failure }
        if alerts { return printTransitions(runtime: runtime, driver: driver) }
        var options = TerminalUI.Options()
        if let c = args.value("color") {
            guard let v = ColorOption(argument: c) else { return usage("invalid --color '\(c)' (expected \(ColorOption.accepted))") }
            options.color = v
        }
        if let s = args.value("symbols") {
            guard let v = SymbolOption(argument: s) else { return usage("invalid --symbols '\(s)' (expected \(SymbolOption.accepted))") }
            options.symbols = v
        }
        options.mouse = args.flag("mouse")
        options.theme = args.value("theme")
        let code = TerminalUI.run(runtime: runtime, options: options, reload: build)
        if case .failure(let e) = driver.outcome { printError("vigil replay: \(e)") }
        return code
    }

    /// `--speed`: a factor, or 0 / `max` for as fast as possible (nil).
    static func parseSpeed(_ s: String) -> Double?? {
        if s == "max" { return .some(nil) }
        guard let v = Double(s), v.isFinite, v >= 0, v <= 1_000_000 else { return nil }
        return .some(v == 0 ? nil : v)
    }

    /// `--alerts`: one line per alert transition, `TIME STATE ALERT{labels}`; a summary on stderr.
    static func printTransitions(runtime: Runtime, driver: ReplayDriver) -> ExitCode {
        var out = StandardOutput()
        let summary: ReplayDriver.Summary
        do {
            summary = try driver.run(runtime) { ts, alert in out.write(ReplayInfo.line(time: ts, alert: alert)) }
        } catch {
            out.flush()
            printError("vigil replay: \(error)")
            return .failure
        }
        out.flush()
        for d in summary.dropped { printError("vigil replay: \(d)") }
        printError("vigil replay: \(summary.blocks) blocks, \(summary.samples) samples, \(summary.evaluations) rule evaluations"
                   + (summary.rejected > 0 ? ", \(summary.rejected) samples rejected" : ""))
        return .success
    }
}
