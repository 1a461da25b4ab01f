import TimeSeries

/// Writes Prometheus text-format families, for sources that produce samples themselves (the local
/// host, queue brokers) and hand them to the same ingest path as a scrape, and for Vigil's own
/// metrics on `--listen`.
public struct ExpositionWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 16 * 1024) { bytes.reserveCapacity(capacity) }

    /// Starts a family with its HELP and TYPE lines.
    public mutating func family(_ name: String, _ type: String, _ help: String) {
        append("# HELP \(name) \(help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))\n")
        append("# TYPE \(name) \(type)\n")
    }

    /// One sample line; label values are escaped, pairs with empty values dropped.
    public mutating func sample(_ name: String, _ value: Double) {
        sample(name, labels: [], value)
    }

    public mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        sample(name, labels: labels.map { ($0.key, $0.value) }, value)
    }

    /// A sample with labels built at run time.
    public mutating func sample(_ name: String, labels: [(String, String)], _ value: Double) {
        append(name)
        var first = true
        for (k, v) in labels where !v.isEmpty {
            append(first ? "{" : ",")
            first = false
            append("\(k)=\"\(Labels.escape(v))\"")
        }
        if !first { append("}") }
        append(" ")
        append(GoFloat.format(value))
        append("\n")
    }

    /// Text written elsewhere in the same format, appended as it is.
    public mutating func append(text: String) { append(text) }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }
}
