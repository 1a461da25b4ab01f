import TimeSeries

extension GoFloat {
    /// Parses the finite and overflowing decimal/hex forms `strconv.ParseFloat` accepts.
    static func parseForTemplates(_ s: String) -> Double? {
        let cleaned = s.lowercased().contains("0x") ? s.filter { $0 != "_" } : s
        if cleaned.contains("_") { return nil }
        return Double(cleaned)
    }
}
