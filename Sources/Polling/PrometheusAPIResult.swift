import TimeSeries

/// A decoded Prometheus HTTP API query response (`/api/v1/query`, `/api/v1/query_range`), as the
/// API documents it: `{"status": "success", "data": {"resultType": …, "result": …}, "warnings": […]}`
/// or `{"status": "error", "errorType": …, "error": …}`. Thanos, Mimir, Cortex and VictoriaMetrics
/// answer in the same shape; their extra fields (`stats`, `isPartial`, `infos`, …) are ignored.
public struct PrometheusAPIResult: Sendable, Equatable {
    public enum ResultType: String, Sendable, Equatable { case vector, matrix, scalar, string }

    /// One series of a vector or matrix (a scalar is one series without labels).
    public struct Series: Sendable, Equatable {
        /// As returned, `__name__` included when the server sent it.
        public var labels: [String: String]
        public var samples: [Sample]
    }

    public var resultType: ResultType
    public var series: [Series]
    public var warnings: [String]
    /// Native histogram samples, which Vigil's float store cannot hold, were left out.
    public var skippedHistograms: Int

    /// Decodes a response body. `status` is the HTTP status; an error response's JSON wins over it.
    public static func decode(_ body: [UInt8], httpStatus: Int, maxBytes: Int = 0) throws(PollError) -> PrometheusAPIResult {
        let document: JSONValue
        do { document = try JSONDocument.parse(body, maxBytes: maxBytes) } catch {
            if !(200..<300).contains(httpStatus) { throw PollError("server returned HTTP status \(httpStatus)") }
            throw PollError("not a Prometheus API response: \(error)")
        }
        guard case .object(let top) = document, case .string(let status)? = top["status"] else {
            if !(200..<300).contains(httpStatus) { throw PollError("server returned HTTP status \(httpStatus)") }
            throw PollError("not a Prometheus API response: no \"status\" field")
        }
        guard status == "success" else {
            let type = top["errorType"]?.labelText ?? "unknown"
            let message = top["error"]?.labelText ?? "no error message"
            throw PollError("query failed (\(type), HTTP \(httpStatus)): \(message)")
        }
        guard case .object(let data)? = top["data"], case .string(let typeText)? = data["resultType"] else {
            throw PollError("invalid Prometheus API response: no data.resultType")
        }
        guard let type = ResultType(rawValue: typeText) else {
            throw PollError("invalid Prometheus API response: unknown resultType \"\(typeText.prefix(40))\"")
        }
        var result = PrometheusAPIResult(resultType: type, series: [], warnings: [], skippedHistograms: 0)
        if case .array(let w)? = top["warnings"] { result.warnings = w.compactMap(\.labelText) }
        let payload = data["result"] ?? .null
        switch type {
        case .scalar:
            result.series = [Series(labels: [:], samples: [try sample(payload, "data.result")])]
        case .string:
            throw PollError("the query returns a string, which cannot be stored as samples")
        case .vector, .matrix:
            guard case .array(let items) = payload else {
                if payload == .null { return result }
                throw PollError("invalid Prometheus API response: data.result is \(payload.typeName), not an array")
            }
            result.series.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                guard case .object(let s) = item else {
                    throw PollError("invalid Prometheus API response: data.result[\(n)] is \(item.typeName), not an object")
                }
                var labels: [String: String] = [:]
                if case .object(let metric)? = s["metric"] {
                    for (k, v) in metric { if let t = v.labelText { labels[k] = t } }
                }
                var samples: [Sample] = []
                if type == .vector {
                    if let v = s["value"] { samples.append(try sample(v, "data.result[\(n)].value")) }
                    else if s["histogram"] != nil { result.skippedHistograms += 1 }
                } else {
                    if case .array(let values)? = s["values"] {
                        samples.reserveCapacity(values.count)
                        for (j, v) in values.enumerated() { samples.append(try sample(v, "data.result[\(n)].values[\(j)]")) }
                    }
                    if case .array(let h)? = s["histograms"] { result.skippedHistograms += h.count }
                }
                if !samples.isEmpty { result.series.append(Series(labels: labels, samples: samples)) }
            }
        }
        return result
    }

    /// `[1435781451.781, "1"]`: seconds as a JSON number (millisecond precision), the value as a
    /// string in Go's float syntax (`NaN`, `+Inf`, `-Inf`, `1e-05`).
    static func sample(_ pair: JSONValue, _ at: String) throws(PollError) -> Sample {
        guard case .array(let p) = pair, p.count == 2 else {
            throw PollError("invalid Prometheus API response: \(at) is not a [timestamp, \"value\"] pair")
        }
        let seconds: Double
        switch p[0] {
        case .number(let d): seconds = d
        case .string(let s) where Double(s) != nil: seconds = Double(s) ?? 0
        default: throw PollError("invalid Prometheus API response: \(at) has no numeric timestamp")
        }
        let ms = (seconds * 1000).rounded()
        guard ms.isFinite, abs(ms) < 9.2e18 else {
            throw PollError("invalid Prometheus API response: \(at) has a timestamp out of range")
        }
        guard case .string(let text) = p[1], let v = parseValue(text) else {
            throw PollError("invalid Prometheus API response: \(at) has a value that is not a number in a string")
        }
        return Sample(t: Int64(ms), v: v)
    }

    /// Go's `strconv.ParseFloat` forms that Prometheus writes: decimals, exponents, `NaN`, `±Inf`.
    static func parseValue(_ s: String) -> Double? {
        switch s {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default:
            guard let first = s.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
            return Double(s)
        }
    }
}
