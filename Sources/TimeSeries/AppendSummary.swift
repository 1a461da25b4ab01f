/// Per-outcome counts for a batch of appends (and the store's running totals), so a scraper can
/// report rejected samples the way Prometheus does.
public struct AppendSummary: Hashable, Sendable {
    public var appended = 0
    public var duplicate = 0
    public var outOfOrder = 0
    public var duplicateTimestamp = 0
    public var unknownSeries = 0
    public var overMemoryLimit = 0

    public init() {}

    public var rejected: Int { outOfOrder + duplicateTimestamp + unknownSeries + overMemoryLimit }
    public var total: Int { appended + duplicate + rejected }

    @inline(__always)
    public mutating func record(_ o: AppendOutcome) {
        switch o {
        case .appended: appended += 1
        case .duplicate: duplicate += 1
        case .outOfOrder: outOfOrder += 1
        case .duplicateTimestamp: duplicateTimestamp += 1
        case .unknownSeries: unknownSeries += 1
        case .overMemoryLimit: overMemoryLimit += 1
        }
    }

    public mutating func add(_ o: AppendSummary) {
        appended += o.appended
        duplicate += o.duplicate
        outOfOrder += o.outOfOrder
        duplicateTimestamp += o.duplicateTimestamp
        unknownSeries += o.unknownSeries
        overMemoryLimit += o.overMemoryLimit
    }
}
