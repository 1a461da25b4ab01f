/// What OpenMetrics validation remembers while parsing: the current family (name, metadata seen,
/// whether samples started), its current label group, and every name used so far, so that family
/// grouping, metadata placement and histogram rules are enforced without a second pass.
///
/// Groups and used names are kept as 64-bit hashes of the decoded bytes; storage is reused across
/// families, so steady-state parsing does not allocate.
struct OpenMetricsFamilyState {
    var sawEOF = false
    var active = false
    var nameStart = 0
    var nameEnd = 0
    /// The declared TYPE; nil until a TYPE line (reported as unknown).
    var type: MetricType? = nil
    var hasHelp = false
    var hasUnit = false
    var hasSamples = false
    var seenNames = HashSet64()
    var groupHash: UInt64? = nil
    var groupTimestamp: Double? = nil
    var seenGroups = HashSet64()
    var histogram = HistogramGroupCheck()

    var nameRange: Range<Int> { nameStart..<nameEnd }

    mutating func start(_ name: Range<Int>) {
        active = true
        nameStart = name.lowerBound
        nameEnd = name.upperBound
        type = nil
        hasHelp = false
        hasUnit = false
        hasSamples = false
        groupHash = nil
        groupTimestamp = nil
        seenGroups.removeAll()
        histogram = HistogramGroupCheck()
    }
}
