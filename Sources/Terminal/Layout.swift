/// Divides a length among parts: fixed lengths first, then what is left by weight, with the rounding
/// remainder handed out so the parts always add up to the whole.
public enum Layout {
    /// A part's size rule.
    public enum Constraint: Hashable, Sendable {
        /// Exactly `n` cells (less if there is not room).
        case length(Int)
        /// A share of what the fixed parts leave, relative to the other `fill` parts.
        case fill(Double)
    }

    /// Splits `length` by weights (a weight ≤ 0 or NaN counts as 0) with `gap` cells between parts.
    public static func split(length: Int, weights: [Double], gap: Int = 0) -> [(offset: Int, length: Int)] {
        split(length: length, constraints: weights.map { .fill($0) }, gap: gap)
    }

    /// Splits `length` by constraints with `gap` cells between parts.
    public static func split(length: Int, constraints: [Constraint], gap: Int = 0) -> [(offset: Int, length: Int)] {
        let n = constraints.count
        guard n > 0 else { return [] }
        let gaps = max(0, gap) * (n - 1)
        var remaining = max(0, length - gaps)
        var sizes = [Int](repeating: 0, count: n)
        for (i, c) in constraints.enumerated() {
            if case .length(let k) = c {
                let take = min(max(0, k), remaining)
                sizes[i] = take
                remaining -= take
            }
        }
        let weights = constraints.map { c -> Double in
            if case .fill(let w) = c, w.isFinite, w > 0 { return w }
            return 0
        }
        let total = weights.reduce(0, +)
        if total > 0 && remaining > 0 {
            var given = 0
            var fractions: [(Int, Double)] = []
            for i in 0..<n where weights[i] > 0 {
                let exact = Double(remaining) * weights[i] / total
                let whole = Int(exact.rounded(.down))
                sizes[i] += whole
                given += whole
                fractions.append((i, exact - Double(whole)))
            }
            fractions.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            var left = remaining - given
            var k = 0
            while left > 0 && !fractions.isEmpty {
                sizes[fractions[k % fractions.count].0] += 1
                left -= 1
                k += 1
            }
        }
        var out: [(offset: Int, length: Int)] = []
        var offset = 0
        for s in sizes {
            out.append((offset, s))
            offset += s + max(0, gap)
        }
        return out
    }
}
