/// What `ExpositionParser.next()` found; the parser's accessors then describe it.
public enum ExpositionEntry: Sendable {
    /// `# HELP`: see `familyName`, `helpText`.
    case help
    /// `# TYPE`: see `familyName`, `declaredType`.
    case type
    /// `# UNIT` (OpenMetrics only): see `familyName`, `unit`.
    case unit
    /// Any other `#` line (Prometheus text only): the text after `#` is in `helpText`.
    case comment
    /// A sample: see `seriesRange`, `value`, `timestamp`, `labels()`, `metricName`, `familyType`.
    case series
    /// `# EOF` (OpenMetrics only); `next()` returns nil afterwards.
    case eof
}
