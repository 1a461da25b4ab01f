import Arguments
import Foundation

/// The entry point: picks the subcommand from the table and runs it.
@main
struct Vigil {
    static func main() async {
        let args = Array(CommandLine.arguments.dropFirst())
        exit(await dispatch(args).rawValue)
    }

    static func dispatch(_ args: [String]) async -> ExitCode {
        // `vigil URL...` and `vigil --config x` mean `vigil run ...`.
        var spec = CommandTable.root
        var path = "vigil"
        var rest = args
        if let first = args.first, let sub = CommandTable.root.subcommand(first) {
            spec = sub
            path = "vigil \(first)"
            rest = Array(args.dropFirst())
            // Nested commands (`vigil test promql`).
            while !spec.subcommands.isEmpty, let next = rest.first, !next.hasPrefix("-") {
                guard let inner = spec.subcommand(next) else {
                    // `vigil check CONFIG`: a command that runs on its own takes it as an argument.
                    if !spec.positionals.isEmpty { break }
                    return usage(UsageError("unknown command '\(next)'", command: path))
                }
                spec = inner
                path += " \(next)"
                rest.removeFirst()
            }
            // A command that also runs on its own (`vigil check [CONFIG]`) has positionals.
            if !spec.subcommands.isEmpty && spec.positionals.isEmpty && !rest.contains(where: { $0 == "--help" || $0 == "-h" }) {
                return usage(UsageError("missing command (one of: \(spec.subcommands.map(\.name).joined(separator: ", ")))", command: path))
            }
        } else if let first = args.first, !first.hasPrefix("-"), !first.contains("://") {
            return usage(UsageError("unknown command '\(first)'" + commandHint(first), command: "vigil"))
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(rest, for: spec, path: path)
        } catch {
            return usage(error)
        }
        if parsed.helpRequested {
            print(HelpFormatter.help(for: spec, path: path), terminator: "")
            return .success
        }
        switch path {
        case "vigil parse": return ParseCommand.run(parsed)
        case "vigil test promql": return TestPromQLCommand.run(parsed)
        case "vigil test rules": return TestRulesCommand.run(parsed)
        case "vigil check rules": return CheckRulesCommand.run(parsed)
        case "vigil import grafana": return ImportGrafanaCommand.run(parsed)
        case "vigil check": return CheckCommand.run(parsed)
        case "vigil poll": return await PollCommand.run(parsed)
        case "vigil snapshot": return await SnapshotCommand.run(parsed)
        case "vigil replay": return ReplayCommand.run(parsed)
        case "vigil version": return printVersion()
        case "vigil init": return InitCommand.run(parsed)
        case "vigil completion": return CompletionCommand.run(parsed)
        case "vigil man": return ManCommand.run(parsed)
        default:
            if parsed.flag("version") { return printVersion() }
            return RunCommand.run(parsed)
        }
    }

    static func printVersion() -> ExitCode {
        print("vigil \(VigilVersion.string)")
        return .success
    }

    static func usage(_ e: UsageError) -> ExitCode {
        FileHandle.standardError.write(Data((e.description + "\n").utf8))
        return .usage
    }

    static func commandHint(_ name: String) -> String {
        let names = CommandTable.root.subcommands.map(\.name)
        let best = names.min { EditDistance.between($0, name) < EditDistance.between($1, name) }
        guard let best, EditDistance.between(best, name) <= 2 else { return "" }
        return " (did you mean '\(best)'?)"
    }
}
