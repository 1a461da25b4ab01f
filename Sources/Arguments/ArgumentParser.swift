/// Parses a command line against a `CommandSpec`.
///
/// GNU conventions: `--long value`, `--long=value`, `-s value`, `-svalue`, clustered short flags
/// (`-ab`), and `--` ending options. A lone `-` is a positional (standard input).
public enum ArgumentParser {
    public static func parse(_ args: [String], for spec: CommandSpec, path: String) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        func fail(_ m: String) -> UsageError { UsageError(m, command: path) }
        func record(_ opt: OptionSpec, _ value: String?) throws(UsageError) {
            if let value {
                if !opt.repeatable, result.values[opt.long] != nil {
                    throw fail("option --\(opt.long) given more than once")
                }
                result.values[opt.long, default: []].append(value)
            } else {
                result.flags.insert(opt.long)
            }
        }
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || a == "-" || !a.hasPrefix("-") {
                result.positionals.append(a)
                continue
            }
            if a == "--" {
                onlyPositionals = true
                continue
            }
            if a == "--help" || a == "-h" {
                result.helpRequested = true
                continue
            }
            if a.hasPrefix("--") {
                let body = a.dropFirst(2)
                let name: String
                var inline: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let opt = spec.option(long: name) else {
                    throw fail("unknown option --\(name)" + hint(name, spec.options.map(\.long)))
                }
                if opt.takesValue {
                    if inline == nil {
                        guard i < args.count else { throw fail("option --\(name) needs a value (\(opt.valueName!))") }
                        inline = args[i]
                        i += 1
                    }
                    try record(opt, inline)
                } else {
                    if inline != nil { throw fail("option --\(name) takes no value") }
                    try record(opt, nil)
                }
                continue
            }
            // Short options, possibly clustered.
            var chars = Array(a.dropFirst())
            while !chars.isEmpty {
                let c = chars.removeFirst()
                guard let opt = spec.option(short: c) else { throw fail("unknown option -\(c)") }
                if opt.takesValue {
                    let value: String
                    if !chars.isEmpty {
                        value = String(chars)
                        chars = []
                    } else {
                        guard i < args.count else { throw fail("option -\(c) needs a value (\(opt.valueName!))") }
                        value = args[i]
                        i += 1
                    }
                    try record(opt, value)
                } else {
                    try record(opt, nil)
                }
            }
        }
        if result.helpRequested { return result }
        try checkPositionals(result.positionals, spec: spec, fail: fail)
        return result
    }

    private static func checkPositionals(
        _ given: [String], spec: CommandSpec, fail: (String) -> UsageError
    ) throws(UsageError) {
        let required = spec.positionals.filter { !$0.optional }.count
        let variadic = spec.positionals.contains { $0.variadic }
        if given.count < required {
            let missing = spec.positionals.filter { !$0.optional }[given.count]
            throw fail("missing argument \(missing.name)")
        }
        if !variadic && given.count > spec.positionals.count {
            throw fail("unexpected argument '\(given[spec.positionals.count])'")
        }
    }

    /// ` (did you mean --x?)` when a known name is close to the unknown one.
    static func hint(_ name: String, _ known: [String]) -> String {
        let best = known.map { ($0, EditDistance.between($0, name)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, name.count / 3) else { return "" }
        return " (did you mean --\(best.0)?)"
    }
}
