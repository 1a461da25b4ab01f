/// Prometheus's classic label and metric name rules, used to validate names in the config.
enum LabelName {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isValidMetricName(_ s: String) -> Bool {
        isValid(s.replacingOccurrences(of: ":", with: "_"))
    }
}
