/// The predictor state for a chunk's timestamps, shared by encoder and decoder.
///
/// Two predictions compete, like `ValueModel`'s: previous timestamp plus previous delta
/// (Gorilla's delta-of-delta, exact for perfectly regular timestamps) and previous timestamp plus
/// the running mean of the deltas (1/8 weight, 4 fractional bits). When scrape times jitter
/// independently, the deltas scatter around their mean and the second residual has half the
/// first's variance or less. Arithmetic wraps, so wild timestamps only cost bits.
struct TimeModel {
    var delta: Int64 = 0
    var accDoD: UInt32 = 0
    var accBase: UInt32 = 0
    /// Running mean of the deltas, times 16.
    var mean: Int64 = 0

    static let shift: UInt32 = 3

    /// Starts the residual phase after the chunk's first delta.
    mutating func start(firstDelta d: Int64) {
        delta = d
        accDoD = 0
        accBase = 0
        mean = d &<< 4
    }

    /// The predicted delta and the Rice parameter for the next timestamp.
    @inline(__always)
    func prediction() -> (Int64, Int) {
        if accBase < accDoD {
            return ((mean &+ 8) >> 4, RiceCode.parameter(accBase, shift: TimeModel.shift))
        }
        return (delta, RiceCode.parameter(accDoD, shift: TimeModel.shift))
    }

    @inline(__always)
    mutating func observe(_ d: Int64) {
        RiceCode.update(&accDoD, RiceCode.zigzag(d &- delta), shift: TimeModel.shift)
        RiceCode.update(&accBase, RiceCode.zigzag(d &- ((mean &+ 8) >> 4)), shift: TimeModel.shift)
        mean = mean &+ (((d &<< 4) &- mean) >> 3)
        delta = d
    }
}
