/// The bucket rules for one histogram or gauge histogram group (one label set at one timestamp),
/// as the OpenMetrics reference parser checks them: ordered buckets with non-decreasing counts, a
/// `+Inf` bucket matching `_count`, `_sum`/`_count` together, and the negative-bucket rules.
struct HistogramGroupCheck {
    var active = false
    var group: UInt64 = 0
    var timestamp: Double? = nil
    private var bucket: Double? = nil
    private var lastBucketValue: Double = 0
    private var count: Double? = nil
    private var hasSum = false
    private var hasGsum = false
    private var hasNegativeBuckets = false
    private var hasNegativeGsum = false

    /// Adds one sample; returns a message when it breaks the order rules.
    mutating func add(group: UInt64, timestamp: Double?, suffix: SampleSuffix, le: Double, value: Double) -> String? {
        active = true
        self.group = group
        self.timestamp = timestamp
        switch suffix {
        case .bucket:
            if le < 0 { hasNegativeBuckets = true }
            if let b = bucket, le <= b { return "buckets out of order" }
            if value < lastBucketValue { return "bucket counts decrease" }
            bucket = le
            lastBucketValue = value
        case .count, .gcount:
            count = value
        case .sum:
            hasSum = true
        case .gsum:
            hasGsum = true
            if value < 0 { hasNegativeGsum = true }
        default:
            break
        }
        return nil
    }

    /// Checks the finished group; returns a message when it is incomplete or inconsistent.
    /// `strictSums` adds the reference parser's "no `_sum` with negative buckets" rule.
    func verify(strictSums: Bool) -> String? {
        if bucket != .infinity { return "+Inf bucket missing" }
        if let c = count, c != lastBucketValue { return "count does not match the +Inf bucket" }
        if hasSum && count == nil { return "_count must be present if _sum is present" }
        if hasGsum && count == nil { return "_gcount must be present if _gsum is present" }
        if !(hasSum || hasGsum) && count != nil { return "_sum/_gsum must be present if _count is present" }
        if strictSums && hasNegativeBuckets && hasSum { return "_sum is not allowed with negative buckets" }
        if !hasNegativeBuckets && hasNegativeGsum { return "negative _gsum is only allowed with negative buckets" }
        return nil
    }
}
