import Arguments
import Config
import Foundation
import Polling
import Terminal

/// `vigil snapshot`: polls, then prints one frame of the dashboard as text (or with SGR colours),
/// for incident channels, bug reports and tests.
enum SnapshotCommand {
    static func run(_ args: ParsedArguments) async -> ExitCode {
        func usage(_ m: String) -> ExitCode { Vigil.usage(UsageError(m, command: "vigil snapshot")) }
        guard let width = Int(args.value("width") ?? "120"), width > 0, width <= 1000 else { return usage("invalid --width") }
        guard let height = Int(args.value("height") ?? "40"), height > 0, height <= 1000 else { return usage("invalid --height") }
        var after: Duration = .zero
        if let a = args.value("after") {
            guard case .success(let d) = PromDuration.parse(a) else { return usage("invalid --after '\(a)'") }
            after = .milliseconds(d.milliseconds)
        }
        let runtime: Runtime
        switch RunCommand.makeRuntime(configFlag: args.value("config"), options: RuntimeOptions(urls: args.positionals)) {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let r): runtime = r
        }
        // One immediate poll of every target, so even `--after 0` shows data.
        let failures = await withTaskGroup(of: String?.self) { group in
            for t in runtime.targets {
                group.addTask {
                    var poller = TargetPoller(target: t, store: runtime.store)
                    let o = await poller.poll(deadline: .now + t.timeout)
                    return o.error.map { "\(t.job) \(t.instance): \($0)" }
                }
            }
            var all: [String] = []
            for await f in group { if let f { all.append(f) } }
            return all
        }
        for f in failures.sorted() { printError("vigil snapshot: \(f)") }
        if after > .zero {
            runtime.start()
            try? await Task.sleep(for: after)
            runtime.stop()
        }
        let now = Runtime.nowMs
        runtime.rules?.evaluate(at: now)
        let (theme, themeError) = DashboardSession.initialTheme(args.value("theme"), config: runtime.config)
        if let themeError { printError("vigil snapshot: \(themeError)") }
        let ansi = args.flag("ansi")
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var app = DashboardSession.makeApp(
            runtime: runtime, theme: theme, colorLevel: ansi && !noColor ? .ansi256 : .monochrome,
            symbols: symbols(args.value("symbols")), now: now)
        app.setSize(width: width, height: height)
        DashboardSession.refresh(&app, runtime: runtime, now: now)
        let frame = app.snapshot(width: width, height: height)
        print(ansi ? frame.ansiText() : frame.plainText())
        return .success
    }

    static func symbols(_ name: String?) -> SymbolSet {
        switch name {
        case "block": return .block
        case "ascii": return .ascii
        default: return .braille
        }
    }
}
