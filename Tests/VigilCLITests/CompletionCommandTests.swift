import Foundation
import Testing

/// `vigil completion SHELL` in the real shells: bash's completion function called as bash calls
/// it, fish's `complete -C`, and zsh's completion system driven through a pseudo-terminal.
@Suite struct CompletionCommandTests {
    static let bash = Program.path("bash")
    static let zsh = Program.path("zsh")
    static let fish = Program.path("fish")

    static let cases: [(line: [String], expected: [String])] = [
        (["vigil", "ch"], ["check"]),
        (["vigil", "check", "r"], ["rules", "rules.yml"]),
        (["vigil", "--color", ""], ["auto", "never", "16", "256", "truecolor"]),
        (["vigil", "snapshot", "--he"], ["--height", "--help"]),
        (["vigil", "completion", ""], ["bash", "zsh", "fish"]),
        (["vigil", "test", ""], ["promql", "rules"]),
        (["vigil", "-c", "a.yml", "run", "--sy"], ["--symbols"]),
        (["vigil", "run", "--theme", "no"], ["nord"]),
        (["vigil", "parse", "--format", ""], ["prometheus", "openmetrics"]),
        (["vigil", "check", "rules", "rul"], ["rules.yml"]),
        (["vigil", "--config", "=", "rul"], ["rules.yml"]),
    ]

    @Test(.enabled(if: bash != nil, "bash is not installed"))
    func bashRegistersAndCompletes() throws {
        let tmp = try TemporaryFolder()
        try "groups: []\n".write(to: tmp.file("rules.yml"), atomically: true, encoding: .utf8)
        var script = "source <(\(VigilProcess.binary.path) completion bash) || exit 1\ncomplete -p vigil\n"
        script += "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _vigil; echo \"${COMPREPLY[*]}\"; }\n"
        for c in Self.cases { script += "t " + c.line.map { "'\($0)'" }.joined(separator: " ") + "\n" }
        let r = try Program.run(try #require(Self.bash), ["-c", script], cwd: tmp.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "complete -F _vigil vigil")
        for (i, c) in Self.cases.enumerated() {
            let got = i + 1 < lines.count ? Set(lines[i + 1].split(separator: " ").map(String.init)) : []
            #expect(got == Set(c.expected), "\(c.line.joined(separator: " ")) → \(got)")
        }
    }

    @Test(.enabled(if: fish != nil, "fish is not installed"))
    func fishCompletes() throws {
        let tmp = try TemporaryFolder()
        try "groups: []\n".write(to: tmp.file("rules.yml"), atomically: true, encoding: .utf8)
        var script = "\(VigilProcess.binary.path) completion fish | source\n"
        let fishCases = Self.cases.filter { !$0.line.contains("=") }
        for c in fishCases {
            script += "echo (complete -C'\(c.line.joined(separator: " "))' | string replace -r '\\t.*' '')\n"
        }
        script += "true\n"
        let r = try Program.run(try #require(Self.fish), ["--no-config", "-c", script], env: ["HOME": tmp.path], cwd: tmp.url)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, c) in fishCases.enumerated() {
            let got = i < lines.count ? Set(lines[i].split(separator: " ").map(String.init)) : []
            #expect(got == Set(c.expected), "\(c.line.joined(separator: " ")) → \(got)")
        }
    }

    @Test(.enabled(if: zsh != nil, "zsh is not installed"))
    func zshCompletesThroughCompsys() throws {
        let tmp = try TemporaryFolder()
        try "groups: []\n".write(to: tmp.file("rules.yml"), atomically: true, encoding: .utf8)
        let functions = tmp.file("functions")
        try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
        let script = try VigilProcess.run(["completion", "zsh"]).stdout
        try script.write(to: functions.appendingPathComponent("_vigil"), atomically: true, encoding: .utf8)
        #expect(try Program.run(try #require(Self.zsh), ["-n", functions.appendingPathComponent("_vigil").path]).status == 0)
        // An interactive zsh in a pseudo-terminal: compinit finds _vigil on $fpath, a TAB runs it,
        // and a wrapped `compadd` writes every candidate it is given to a file.
        for c in Self.cases.prefix(6) where !c.line.contains("=") {
            let hits = tmp.file("hits")
            try "".write(to: hits, atomically: true, encoding: .utf8)
            let line = c.line.joined(separator: " ")
            let driver = """
                zmodload zsh/zpty
                zpty z zsh -f -i
                zpty -w z "PROMPT=''; cd \(tmp.path); fpath=(\(functions.path) $fpath); autoload -U compinit; compinit -u -D"
                zpty -w z 'compadd () { local -a h; builtin compadd -O h "$@"; print -rl -- $h >> \(hits.path); builtin compadd "$@" }'
                zpty -w z '\(line)'$'\\t'
                for i in {1..50}; do [[ -s \(hits.path) ]] && break; sleep 0.1; done
                sleep 0.2
                zpty -d z
                """
            let r = try Program.run(try #require(Self.zsh), ["-f", "-c", driver], env: ["HOME": tmp.path])
            #expect(r.status == 0, "\(r.stderr)")
            let got = Set((tmp.read("hits") ?? "").split(separator: "\n").map(String.init))
            #expect(got == Set(c.expected), "\(line) → \(got)")
        }
    }

    @Test func unknownShellIsAUsageError() throws {
        let r = try VigilProcess.run(["completion", "tcsh"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown shell 'tcsh' (expected bash, zsh or fish)"))
        #expect(try VigilProcess.run(["completion"]).status == 2)
    }
}
