/// One command-line option: a flag (`--paused`) or an option with a value (`--config FILE`).
public struct OptionSpec: Sendable {
    public let long: String
    public let short: Character?
    /// Name of the value in help text (`FILE`); nil for a flag that takes no value.
    public let valueName: String?
    public let help: String
    public let repeatable: Bool

    public init(_ long: String, short: Character? = nil, value: String? = nil, help: String, repeatable: Bool = false) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }

    public var takesValue: Bool { valueName != nil }

    /// `-c, --config FILE` as shown in help.
    var synopsis: String {
        var s = short.map { "-\($0), " } ?? "    "
        s += "--\(long)"
        if let valueName { s += " \(valueName)" }
        return s
    }
}
