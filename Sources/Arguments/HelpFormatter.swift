/// Renders `--help` text from a `CommandSpec`.
public enum HelpFormatter {
    public static func help(for spec: CommandSpec, path: String) -> String {
        var out = "\(path) - \(spec.summary)\n\nUsage:\n"
        if !spec.subcommands.isEmpty {
            out += "  \(path) <command> [options]\n"
        }
        if spec.subcommands.isEmpty || !spec.positionals.isEmpty || !spec.options.isEmpty {
            var line = "  \(path)"
            if !spec.options.isEmpty { line += " [options]" }
            for p in spec.positionals { line += " " + p.synopsis }
            out += line + "\n"
        }
        if !spec.discussion.isEmpty {
            out += "\n" + spec.discussion + "\n"
        }
        if !spec.subcommands.isEmpty {
            out += "\nCommands:\n"
            let width = spec.subcommands.map(\.name.count).max() ?? 0
            for c in spec.subcommands {
                out += "  " + c.name.padding(toLength: width + 2) + c.summary + "\n"
            }
        }
        if !spec.positionals.isEmpty {
            out += "\nArguments:\n"
            let width = spec.positionals.map(\.synopsis.count).max() ?? 0
            for p in spec.positionals {
                out += "  " + p.synopsis.padding(toLength: width + 2) + p.help + "\n"
            }
        }
        out += "\nOptions:\n"
        let all = spec.options + [OptionSpec("help", short: "h", help: "Show this help and exit.")]
        let width = all.map(\.synopsis.count).max() ?? 0
        for o in all {
            out += "  " + o.synopsis.padding(toLength: width + 2) + o.help + "\n"
        }
        if !spec.subcommands.isEmpty {
            out += "\nRun '\(path) <command> --help' for a command's options.\n"
        }
        return out
    }
}

extension String {
    func padding(toLength n: Int) -> String {
        count >= n ? self + " " : self + String(repeating: " ", count: n - count)
    }
}
