/// Options of `vigil test rules`, mirroring promtool's flags.
public struct RuleTestOptions: Sendable {
    /// `--run`: only test groups whose name matches one of these regular expressions run.
    public var run: [String]
    /// `--ignore-unknown-fields` for the rule files under test.
    public var ignoreUnknownFields: Bool
    /// The engine's lookback delta (ms).
    public var lookbackDelta: Int64

    public init(run: [String] = [], ignoreUnknownFields: Bool = false, lookbackDelta: Int64 = 300_000) {
        self.run = run
        self.ignoreUnknownFields = ignoreUnknownFields
        self.lookbackDelta = lookbackDelta
    }
}
