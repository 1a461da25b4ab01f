/// Reads Prometheus duration text (`30s`, `1m30s`, `250ms`, `1h`) as milliseconds, for turning
/// the interval options into `$__interval_ms` and `$__range_s`.
enum PromDurationText {
    static func milliseconds(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
                                        ("w", 604_800_000), ("y", 31_536_000_000)]
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 12, let n = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (suffix, size) = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else {
                return nil
            }
            rest = rest.dropFirst(suffix.count)
            let (product, overflow) = n.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow2 else { return nil }
            total = sum
        }
        return total
    }
}
