import Arguments
import Config
import Curses
import Foundation

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
        let feed: RuntimeFeed
        switch RecordOptions.feed(args) {
        case .failure(let e): return Vigil.usage(e)
        case .success(let f): feed = f
        }
        let build = { () -> Result<Runtime, RunFailure> in
            makeRuntime(configFlag: args.value("config"), urls: args.positionals, memoryLimit: memoryLimit, feed: feed)
        }
        switch build() {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let runtime):
            let code = TerminalUI.run(runtime: runtime, options: options, reload: build)
            if case .record(let writer) = feed {
                writer.close()
                if let e = writer.failure { printError("vigil: recording stopped: \(e)") }
            }
            return code
        }
    }

    /// The config (if any) and sources, ready to start.
    static func makeRuntime(configFlag: String?, urls: [String], memoryLimit: Int?, feed: RuntimeFeed = .poll) -> Result<Runtime, RunFailure> {
        var config: Config?
        switch ConfigSelection.load(flag: configFlag) {
        case .failed(let errors): return .failure(RunFailure(description: errors.errors.map(\.description).joined(separator: "\n")))
        case .loaded(let c, _): config = c
        case .none: config = nil
        }
        do {
            return .success(try Runtime(config: config, urls: urls, memoryLimit: memoryLimit, feed: feed))
        } catch {
            return .failure(RunFailure(description: "vigil: \(error)"))
        }
    }
}
