import Testing
@testable import Arguments

/// The completion generators against a small command tree: every command and option reaches
/// every shell's script, values complete as hinted, and odd help text cannot break the quoting.
@Suite struct CompletionScriptTests {
    static let root = CommandSpec(
        "tool", summary: "a tool",
        options: [OptionSpec("config", short: "c", value: "FILE", help: "Config file. More text."),
                  OptionSpec("mode", value: "MODE", help: "It's [odd]: a 'mode' \\ here.")],
        positionals: [PositionalSpec("URL", help: "A URL.", optional: true, variadic: true)],
        subcommands: [
            CommandSpec("check", summary: "Check things.", options: [OptionSpec("strict", help: "Be strict.")],
                        positionals: [PositionalSpec("FILE", help: "A file.", optional: true)],
                        subcommands: [CommandSpec("rules", summary: "Check rules.", options: [
                            OptionSpec("rule", value: "FILE", help: "A rule file.", repeatable: true),
                            OptionSpec("out", value: "DIR", help: "Output folder."),
                        ], positionals: [PositionalSpec("FILE", help: "Rule files.", variadic: true)])]),
            CommandSpec("shell", summary: "Pick a shell.", positionals: [PositionalSpec("SHELL", help: "Which.")]),
        ])

    static let hints = CompletionHints(byName: ["mode": .choices(["fast", "slow"]), "tool shell SHELL": .choices(["bash", "zsh"])])

    @Test(arguments: CompletionScript.Shell.allCases)
    func everyCommandAndOptionAppears(shell: CompletionScript.Shell) {
        let script = CompletionScript.script(for: shell, root: Self.root, hints: Self.hints)
        for word in ["check", "rules", "shell", "config", "mode", "strict", "rule", "out", "help", "fast", "slow", "bash", "zsh"] {
            #expect(script.contains(word), "\(shell) script lacks \(word)")
        }
    }

    @Test func bashTables() {
        let s = CompletionScript.bash(root: Self.root, hints: Self.hints)
        #expect(s.contains("'tool') echo 'check shell' ;;"))
        #expect(s.contains("'tool check') echo 'rules' ;;"))
        #expect(s.contains("'tool|--config'|'tool|-c') echo 'files' ;;"))
        #expect(s.contains("'tool|--mode') echo 'words fast slow' ;;"))
        #expect(s.contains("'tool check rules|--out') echo 'dirs' ;;"))
        #expect(s.contains("'tool check') echo 'files' ;;"))
        #expect(s.contains("'tool shell') echo 'words bash zsh' ;;"))
        #expect(s.hasSuffix("complete -F _tool tool\n"))
    }

    @Test func zshSpecs() {
        let s = CompletionScript.zsh(root: Self.root, hints: Self.hints)
        #expect(s.hasPrefix("#compdef tool\n"))
        #expect(s.contains("'(-c --config)'{-c,--config}'[Config file]:FILE:_files'"))
        // Quotes, brackets, colons and backslashes in help text are escaped.
        #expect(s.contains("'--mode[It'\\''s \\[odd\\]\\: a '\\''mode'\\'' \\\\ here]:MODE:(fast slow)'"))
        #expect(s.contains("'*--rule[A rule file]:FILE:_files'"))
        #expect(s.contains("'--out[Output folder]:DIR:_files -/'"))
        #expect(s.contains("'*:FILE:_files'"))
        #expect(s.contains("'rules:Check rules'"))
        #expect(s.contains("rules) _tool_check_rules ;;"))
    }

    @Test func fishLines() {
        let s = CompletionScript.fish(root: Self.root, hints: Self.hints)
        #expect(s.contains("complete -c tool -f\n"))
        #expect(s.contains("complete -c tool -n '__tool_is '\\''tool'\\''' -a 'check' -d 'Check things'"))
        #expect(s.contains("-s c -l config -r -F -d 'Config file'"))
        #expect(s.contains("-l mode -x -a 'fast slow'"))
        #expect(s.contains("complete -c tool -n '__tool_is '\\''tool check'\\''' -F\n"))
    }

    @Test func briefTakesTheFirstSentence() {
        #expect(CommandTree.brief("Config file. More text.") == "Config file")
        #expect(CommandTree.brief("Wrapped\n  over lines (e.g. 512MiB).") == "Wrapped over lines (e.g. 512MiB)")
    }

    @Test func treeWalksNestedCommands() {
        #expect(CommandTree(root: Self.root).nodes.map(\.path) == ["tool", "tool check", "tool check rules", "tool shell"])
    }
}
