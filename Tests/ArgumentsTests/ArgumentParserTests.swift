import Testing
@testable import Arguments

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        "parse", summary: "Parse an exposition.",
        options: [
            OptionSpec("format", short: "f", value: "FORMAT", help: "prometheus or openmetrics"),
            OptionSpec("rules", value: "FILE", help: "rule file", repeatable: true),
            OptionSpec("verbose", short: "v", help: "more output"),
            OptionSpec("quiet", short: "q", help: "less output"),
        ],
        positionals: [PositionalSpec("FILE", help: "input", optional: true)])

    @Test(arguments: [
        (["--format", "openmetrics", "x"], ["format": ["openmetrics"]], [String](), ["x"]),
        (["--format=openmetrics"], ["format": ["openmetrics"]], [], []),
        (["-f", "openmetrics", "-"], ["format": ["openmetrics"]], [], ["-"]),
        (["-fopenmetrics"], ["format": ["openmetrics"]], [], []),
        (["-vq"], [:], ["quiet", "verbose"], []),
        (["--rules", "a", "--rules=b"], ["rules": ["a", "b"]], [], []),
        (["--", "--format"], [:], [], ["--format"]),
    ])
    func parses(args: [String], values: [String: [String]], flags: [String], positionals: [String]) throws {
        let r = try ArgumentParser.parse(args, for: spec, path: "vigil parse")
        #expect(r.values == values)
        #expect(r.flags == Set(flags))
        #expect(r.positionals == positionals)
    }

    @Test(arguments: [
        (["--formt", "x"], "unknown option --formt (did you mean --format?)"),
        (["--format"], "option --format needs a value (FORMAT)"),
        (["--verbose=1"], "option --verbose takes no value"),
        (["-x"], "unknown option -x"),
        (["a", "b"], "unexpected argument 'b'"),
        (["-f", "a", "-f", "b"], "option --format given more than once"),
    ])
    func rejects(args: [String], message: String) {
        #expect(throws: UsageError(message, command: "vigil parse")) {
            try ArgumentParser.parse(args, for: spec, path: "vigil parse")
        }
    }

    @Test func helpWins() throws {
        let r = try ArgumentParser.parse(["a", "b", "--help"], for: spec, path: "vigil parse")
        #expect(r.helpRequested)
    }

    @Test func missingRequired() {
        let s = CommandSpec("check", summary: "x", positionals: [PositionalSpec("FILE", help: "f")])
        #expect(throws: UsageError("missing argument FILE", command: "vigil check")) {
            try ArgumentParser.parse([], for: s, path: "vigil check")
        }
    }

    @Test func helpText() {
        let text = HelpFormatter.help(for: spec, path: "vigil parse")
        #expect(text.contains("Usage:\n  vigil parse [options] [FILE]"))
        #expect(text.contains("-f, --format FORMAT"))
        #expect(text.contains("-h, --help"))
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0)])
    func editDistance(a: String, b: String, d: Int) {
        #expect(EditDistance.between(a, b) == d)
    }
}
