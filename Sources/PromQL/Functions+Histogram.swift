import TimeSeries

/// `histogram_quantile` over classic `le` buckets.
extension Functions {
    static func histogramQuantile(_ c: FunctionCall) -> Value {
        let q = c.scalar(0)
        if q.isNaN || q < 0 || q > 1 {
            c.evaluator.warn("quantile value should be between 0 and 1, got \(GoFloat.format(q))", at: c.position(0))
        }
        var groups: [Labels: Int] = [:]
        var list: [(labels: Labels, buckets: [Quantile.Bucket])] = []
        for s in c.vector(1) {
            let le = s.labels["le"]
            guard let bound = parseGoFloat(le), !bound.isNaN else {
                c.evaluator.warn("bucket label \"le\" is missing or has a malformed value of \"\(le)\" for metric name \(GoQuote.promql(s.labels.metricName))", at: c.position(1))
                continue
            }
            let key = s.labels.removing(["le"])
            if let i = groups[key] {
                list[i].buckets.append(Quantile.Bucket(upperBound: bound, count: s.value))
            } else {
                groups[key] = list.count
                list.append((key, [Quantile.Bucket(upperBound: bound, count: s.value)]))
            }
        }
        var out: [VectorSample] = []
        for g in list {
            let (v, forced) = Quantile.bucketQuantile(q, g.buckets)
            if forced {
                c.evaluator.info("input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name \(GoQuote.promql(g.labels.metricName))", at: c.position(1))
            }
            out.append(VectorSample(labels: g.labels, value: v, t: c.ts, dropName: true))
        }
        return .vector(out)
    }

    /// Go's `strconv.ParseFloat` for the forms label values use (`+Inf`, `1e3`, `0.5`).
    static func parseGoFloat(_ s: String) -> Double? {
        switch s.lowercased() {
        case "+inf", "inf", "+infinity", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default:
            if s.isEmpty || s.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" && $0 != "x" && $0 != "X" && $0 != "p" && $0 != "P" && !$0.isHexDigit }) { return nil }
            return Double(s.replacingOccurrences(of: "_", with: ""))
        }
    }
}
