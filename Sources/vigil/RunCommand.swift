import Arguments
import Config
import Foundation

/// `vigil` / `vigil run`: the dashboard.
///
/// Until the terminal UI lands (issue 6) this prints the plan of what the dashboard would show:
/// the config it found, its sources, dashboards and panels.
enum RunCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        switch ConfigSelection.load(flag: args.value("config")) {
        case .failed(let errors):
            for e in errors.errors { printError(e.description) }
            return .usage
        case .none:
            if args.positionals.isEmpty {
                print("vigil: no config file found; the dashboard would show the built-in demo and the local host.")
            } else {
                print("vigil: no config file; the dashboard would watch:")
                for url in args.positionals { print("  \(url)") }
            }
            print("(the terminal UI is not built yet; see `vigil --help` for what works today)")
            return .success
        case .loaded(let config, let location):
            print("vigil: config \(location.path) (found by \(location.origin.rawValue))")
            print("sources:")
            for s in config.sources {
                let where_ = s.url ?? (s.targets.isEmpty ? "" : s.targets.joined(separator: ", "))
                print("  \(s.name) [\(s.kind.rawValue)] \(where_) every \(s.interval)")
            }
            for d in config.dashboards {
                print("dashboard \"\(d.title)\":")
                for (i, row) in d.rows.enumerated() {
                    print("  row \(i + 1): " + row.panels.map { "\($0.title) (\($0.type.rawValue))" }.joined(separator: " | "))
                }
            }
            print("(the terminal UI is not built yet; see `vigil --help` for what works today)")
            return .success
        }
    }
}
