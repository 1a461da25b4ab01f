import TimeSeries

extension GoQuote {
    /// `strconv.Quote` as PromQL prints strings and label values; a U+FFFD (what decoding made of
    /// invalid UTF-8) stays visible as `\ufffd`.
    static func promql(_ s: String) -> String { quote(s, replacementAsInvalid: true) }
}
