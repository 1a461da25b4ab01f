/// What a shell should offer for an option's value or a positional argument: file names, folder
/// names, a fixed list of words, or nothing (free text such as a URL or a duration).
public enum ValueCompletion: Sendable, Equatable {
    case none
    case files
    case directories
    case choices([String])
}

/// How the completion scripts complete values the command table does not describe itself: by
/// option (`--color` → its modes) and by value name (`FILE` → files). An option's own entry wins.
public struct CompletionHints: Sendable {
    /// Keyed by the option's long name without dashes (`color`), or by `command path + " " + name`
    /// (`vigil completion SHELL`) for positionals.
    public var byName: [String: ValueCompletion]
    /// Keyed by value or positional name (`FILE`, `DIR`).
    public var byValueName: [String: ValueCompletion]

    public init(byName: [String: ValueCompletion] = [:],
                byValueName: [String: ValueCompletion] = ["FILE": .files, "PATH": .files, "DIR": .directories]) {
        self.byName = byName
        self.byValueName = byValueName
    }

    func value(of option: OptionSpec) -> ValueCompletion {
        guard let valueName = option.valueName else { return .none }
        return byName[option.long] ?? byValueName[valueName] ?? .none
    }

    func value(of positional: PositionalSpec, path: String) -> ValueCompletion {
        byName[path + " " + positional.name] ?? byValueName[positional.name] ?? .none
    }
}
