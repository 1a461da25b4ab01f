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
        let build = { () -> Result<Runtime, RunFailure> in
            makeRuntime(configFlag: args.value("config"), urls: args.positionals, memoryLimit: memoryLimit)
        }
        switch build() {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let runtime):
            return TerminalUI.run(runtime: runtime, options: options, reload: build)
        }
    }

    /// The config (if any) and sources, ready to start.
    static func makeRuntime(configFlag: String?, urls: [String], memoryLimit: Int?) -> Result<Runtime, RunFailure> {
        var config: Config?
        switch ConfigSelection.load(flag: configFlag) {
        case .failed(let errors): return .failure(RunFailure(description: errors.errors.map(\.description).joined(separator: "\n")))
        case .loaded(let c, _): config = c
        case .none: config = nil
        }
        // No config file and no URL: the built-in demo.
        if config == nil && urls.isEmpty {
            switch DemoSelection.config() {
            case .success(let demo): config = demo
            case .failure(let e): return .failure(e)
            }
        }
        do {
            return .success(try Runtime(config: config, urls: urls, memoryLimit: memoryLimit))
        } catch {
            return .failure(RunFailure(description: "vigil: \(error)"))
        }
    }
}
