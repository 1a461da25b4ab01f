import Arguments

/// `vigil completion bash|zsh|fish`: prints the completion script generated from the command table.
enum CompletionCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        guard let name = args.positionals.first, let shell = CompletionScript.Shell(rawValue: name) else {
            let given = args.positionals.first.map { " '\($0)'" } ?? ""
            return Vigil.usage(UsageError("unknown shell\(given) (expected bash, zsh or fish)", command: "vigil completion"))
        }
        print(CompletionScript.script(for: shell, root: CommandTable.root, hints: hints()), terminator: "")
        return .success
    }

    /// Values the table names but does not list: modes, symbol sets, formats, installed themes.
    static func hints() -> CompletionHints {
        var hints = CompletionHints()
        let themes = Set(ThemeCatalog().available().keys).union(["default"]).sorted()
        hints.byName = [
            "color": .choices(["auto", "never", "16", "256", "truecolor"]),
            "symbols": .choices(["auto", "braille", "block", "ascii"]),
            "format": .choices(["prometheus", "openmetrics"]),
            "theme": .choices(themes),
            "vigil completion SHELL": .choices(CompletionScript.Shell.allCases.map(\.rawValue)),
        ]
        for name in ["CONFIG", "DASHBOARD"] { hints.byValueName[name] = .files }
        return hints
    }
}
