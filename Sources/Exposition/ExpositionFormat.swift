/// The two text exposition formats Vigil can parse; chosen per scrape from the response's Content-Type.
public enum ExpositionFormat: Sendable {
    /// Prometheus text format 0.0.4 (`text/plain`).
    case prometheusText
    /// OpenMetrics 1.0 text (`application/openmetrics-text`).
    case openMetrics
}

extension ExpositionFormat {
    /// The `Accept` header Prometheus 3.x sends by default (`scrape_protocols` at its default of
    /// OpenMetricsText1.0.0, OpenMetricsText0.0.1, PrometheusText1.0.0, PrometheusText0.0.4, with the
    /// default `allow-utf-8` escaping scheme on the 1.0.0 protocols, weights counted down from 0.6).
    public static let defaultAcceptHeader =
        "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
        + "application/openmetrics-text;version=0.0.1;q=0.5,"
        + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
        + "text/plain;version=0.0.4;q=0.3,"
        + "*/*;q=0.2"

    /// Picks the parser for a response's Content-Type the way Prometheus 3.x does.
    ///
    /// `application/openmetrics-text` selects OpenMetrics and `text/plain` the Prometheus text format.
    /// For a missing, empty, unparsable or unsupported Content-Type, Prometheus 3.x fails the scrape
    /// unless `fallback_scrape_protocol` is configured; Vigil behaves as if that fallback were
    /// `PrometheusText0.0.4` and returns `.prometheusText`. Use `recognize(contentType:)` to tell the
    /// two cases apart (for example to warn as Prometheus does).
    public static func negotiate(contentType: String?) -> ExpositionFormat {
        recognize(contentType: contentType) ?? .prometheusText
    }

    /// The format named by a Content-Type, or nil where Prometheus 3.x would need
    /// `fallback_scrape_protocol` (blank, unparsable or unsupported media type).
    public static func recognize(contentType: String?) -> ExpositionFormat? {
        guard let contentType, let mediaType = MediaType.parse(contentType) else { return nil }
        switch mediaType {
        case "application/openmetrics-text": return .openMetrics
        case "text/plain": return .prometheusText
        default: return nil
        }
    }
}
