import TimeSeries

/// Go's text forms that promtool's messages are made of (`strconv.Quote` is `GoQuote`): `labels.Labels.String()`
/// and `strconv.FormatFloat(v, 'E', -1, 64)`, so Vigil's output reads like promtool's.
enum GoText {
    /// Prometheus's `labels.Labels.String()`: `{__name__="up", job="x"}`, names quoted when
    /// they are not classic identifiers. Pairs are printed as given (empty values included).
    static func labels(_ pairs: [Label]) -> String {
        var out = "{"
        for (i, l) in pairs.enumerated() {
            if i > 0 { out += ", " }
            out += NameValidation.isLegacyLabelName(l.name) ? l.name : GoQuote.quote(l.name)
            out += "=" + GoQuote.quote(l.value)
        }
        return out + "}"
    }

    /// `strconv.FormatFloat(v, 'E', -1, 64)` (`1E+00`, `6.5E+01`, `NaN`, `+Inf`).
    static func formatE(_ v: Double) -> String { GoFloat.formatExponent(v) }
}
