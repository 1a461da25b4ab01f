/// What the parser found: option values by long name, flags, and positionals in order.
public struct ParsedArguments: Sendable, Equatable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []
    /// True when `-h`/`--help` was given: the caller prints help and exits 0.
    public var helpRequested = false

    public init() {}

    /// The last value given for `long`, or nil.
    public func value(_ long: String) -> String? { values[long]?.last }

    /// Every value given for a repeatable option, in order.
    public func all(_ long: String) -> [String] { values[long] ?? [] }

    public func flag(_ long: String) -> Bool { flags.contains(long) }
}
