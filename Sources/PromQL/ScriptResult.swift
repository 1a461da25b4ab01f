/// The outcome of running a test script: one entry per `eval` case.
public struct ScriptResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        case passed
        /// Why it failed: expected versus actual.
        case failed(String)
        /// Why it was not run (native histograms, experimental features).
        case skipped(String)
    }

    public struct Case: Sendable {
        public var file: String
        public var line: Int
        public var expr: String
        public var outcome: Outcome
    }

    public var file: String
    public var cases: [Case] = []
    /// A script-level error (bad syntax in the script itself), if any.
    public var scriptError: String?

    public var passed: Int { cases.filter { $0.outcome == .passed }.count }
    public var failed: Int { cases.filter { if case .failed = $0.outcome { return true }; return false }.count }
    public var skipped: Int { cases.filter { if case .skipped = $0.outcome { return true }; return false }.count }
    public var failures: [Case] { cases.filter { if case .failed = $0.outcome { return true }; return false } }
}
