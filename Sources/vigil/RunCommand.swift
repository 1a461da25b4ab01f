import Arguments
import Config
import Curses
import Foundation
import TimeSeries

/// `vigil` / `vigil run`: the full-screen dashboard.
enum RunCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        var options = TerminalUI.Options()
        if let c = args.value("color") {
            guard let v = ColorOption(argument: c) else {
                return Vigil.usage(UsageError("invalid --color '\(c)' (expected \(ColorOption.accepted))", command: "vigil"))
            }
            options.color = v
        }
        if let s = args.value("symbols") {
            guard let v = SymbolOption(argument: s) else {
                return Vigil.usage(UsageError("invalid --symbols '\(s)' (expected \(SymbolOption.accepted))", command: "vigil"))
            }
            options.symbols = v
        }
        options.mouse = args.flag("mouse")
        options.theme = args.value("theme")
        var memoryLimit: Int?
        if let m = args.value("memory-limit") {
            guard case .success(let size) = ByteSize.parse(m), size.bytes > 0 else {
                return Vigil.usage(UsageError("invalid --memory-limit '\(m)' (e.g. 512MiB)", command: "vigil"))
            }
            memoryLimit = Int(size.bytes)
        }
        var runtimeOptions = RuntimeOptions()
        runtimeOptions.urls = args.positionals
        runtimeOptions.memoryLimit = memoryLimit
        runtimeOptions.ruleFiles = args.all("rules")
        runtimeOptions.alertmanagers = args.all("alertmanager")
        for url in runtimeOptions.alertmanagers where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            return Vigil.usage(UsageError("invalid --alertmanager '\(url)' (expected http://HOST:PORT)", command: "vigil run"))
        }
        switch RecordOptions.feed(args) {
        case .failure(let e): return Vigil.usage(e)
        case .success(let f): runtimeOptions.feed = f
        }
        runtimeOptions.stateDirectory = args.value("state-dir")
        if args.flag("headless") {
            return HeadlessRun.run(configFlag: args.value("config"), options: runtimeOptions, listen: args.value("listen"))
        }
        if let listen = args.value("listen") {
            return Vigil.usage(UsageError("--listen \(listen) needs --headless", command: "vigil run"))
        }
        let configFlag = args.value("config")
        runtimeOptions.interactive = true
        let build = { (store: SeriesStore?) -> Result<Runtime, RunFailure> in
            var o = runtimeOptions
            o.store = store
            return makeRuntime(configFlag: configFlag, options: o)
        }
        switch build(nil) {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let runtime):
            let code = TerminalUI.run(runtime: runtime, options: options, reload: build)
            if let e = runtimeOptions.feed.close() { printError(e) }
            return code
        }
    }

    /// The config (if any) and sources, ready to start.
    static func makeRuntime(configFlag: String?, options: RuntimeOptions, log: RunLog = RunLog(echo: false)) -> Result<Runtime, RunFailure> {
        var config: Config?
        switch ConfigSelection.load(flag: configFlag) {
        case .failed(let errors): return .failure(RunFailure(description: errors.errors.map(\.description).joined(separator: "\n")))
        case .loaded(let c, _): config = c
        case .none: config = nil
        }
        // No config file and no URL: the built-in demo.
        if config == nil && options.urls.isEmpty && options.feed.polls {
            switch DemoSelection.config() {
            case .success(let demo): config = demo
            case .failure(let e): return .failure(e)
            }
        }
        do {
            return .success(try Runtime(config: config, options: options, log: log))
        } catch {
            return .failure(RunFailure(description: "vigil: \(error)"))
        }
    }
}
