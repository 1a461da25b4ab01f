/// The predictor state for a chunk's values in decimal mode, shared by encoder and decoder so
/// the two stay in lockstep.
///
/// Each value is the integer mantissa `m` (see `DecimalScale`). Two predictions compete: the
/// previous value (right for gauges and flat series) and previous value plus previous
/// difference (right for counters climbing at a steady rate). Running magnitudes of both
/// residuals pick the predictor and the Rice parameter; both sides update them identically after
/// each value.
struct ValueModel {
    var m: Int64 = 0
    var mDelta: Int64 = 0
    var accDelta: UInt64 = 0
    var accDoD: UInt64 = 0
    var exponent: UInt8 = 0

    static let shift: UInt64 = 2

    /// Starts a chunk at mantissa `m0` with exponent `e`.
    mutating func start(_ m0: Int64, exponent e: Int) {
        m = m0
        mDelta = 0
        accDelta = 0
        accDoD = 0
        exponent = UInt8(e)
    }

    /// The predicted mantissa and the Rice parameter for the next value.
    @inline(__always)
    func prediction() -> (Int64, Int) {
        if accDoD < accDelta {
            return (m &+ mDelta, RiceCode.parameter(accDoD, shift: ValueModel.shift))
        }
        return (m, RiceCode.parameter(accDelta, shift: ValueModel.shift))
    }

    /// Records the next mantissa. The first difference of a chunk seeds both magnitudes.
    @inline(__always)
    mutating func observe(_ next: Int64, first: Bool) {
        let d = next &- m
        let uDelta = RiceCode.zigzag(d)
        let uDoD = RiceCode.zigzag(d &- mDelta)
        if first {
            let seed = min(uDelta, UInt64.max >> 8) << ValueModel.shift
            accDelta = seed
            accDoD = seed
        } else {
            RiceCode.update(&accDelta, uDelta, shift: ValueModel.shift)
            RiceCode.update(&accDoD, uDoD, shift: ValueModel.shift)
        }
        mDelta = d
        m = next
    }

    /// Moves to a larger exponent, scaling the state; false when the scaled state would leave
    /// the exact range.
    mutating func rescale(to e: Int) -> Bool {
        guard e > Int(exponent), e <= DecimalScale.maxExponent else { return false }
        let f = DecimalScale.intPower(e - Int(exponent))
        let (sm, o1) = m.multipliedReportingOverflow(by: f)
        let (sd, o2) = mDelta.multipliedReportingOverflow(by: f)
        guard !o1, !o2, sm > -DecimalScale.limit, sm < DecimalScale.limit,
              sd > -2 * DecimalScale.limit, sd < 2 * DecimalScale.limit else { return false }
        m = sm
        mDelta = sd
        accDelta = ValueModel.scaled(accDelta, by: f)
        accDoD = ValueModel.scaled(accDoD, by: f)
        exponent = UInt8(e)
        return true
    }

    private static func scaled(_ acc: UInt64, by f: Int64) -> UInt64 {
        let (p, o) = acc.multipliedReportingOverflow(by: UInt64(f))
        return o ? UInt64.max : p
    }
}
