import Config
import Foundation
import HTTP

/// How a configured `kafka` source becomes a `KafkaSource`: `kafka://HOST[:PORT]` is the
/// kafka_exporter's address (default port 9308), scraped at `scheme://HOST:PORT/metrics_path`
/// (`http` and `/metrics` unless the source says otherwise) with the source's `params`; an
/// `http(s)://` URL with `kind: kafka` is the exporter's metrics URL as it is.
extension KafkaSource {
    public static func configured(_ source: SourceConfig, client: HTTPClient) throws(PollError) -> KafkaSource {
        guard let text = source.url, let c = URLComponents(string: text), let host = c.host, !host.isEmpty else {
            throw PollError("a kafka source needs url: kafka://EXPORTER_HOST:9308 (a kafka_exporter)")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        // `kind: kafka` with the exporter's own http(s) URL: scrape exactly that.
        if let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            let scrape = ScrapeSource(url: text, settings: HTTPSettings(source), client: client,
                                      timeout: .milliseconds(source.timeout.milliseconds))
            return KafkaSource(scrape: scrape, instance: "\(hostPart):\(c.port ?? (scheme == "https" ? 443 : 80))")
        }
        let port = c.port ?? 9308
        var query = ""
        if !source.params.isEmpty {
            var q = URLComponents()
            q.queryItems = source.params.sorted { $0.key < $1.key }.flatMap { k, vs in vs.map { URLQueryItem(name: k, value: $0) } }
            query = q.percentEncodedQuery.map { "?" + $0 } ?? ""
        }
        let path = source.metricsPath.hasPrefix("/") ? source.metricsPath : "/" + source.metricsPath
        let url = "\(source.scheme)://\(hostPart):\(port)\(path)\(query)"
        let scrape = ScrapeSource(url: url, settings: HTTPSettings(source), client: client,
                                  timeout: .milliseconds(source.timeout.milliseconds))
        return KafkaSource(scrape: scrape, instance: "\(hostPart):\(port)")
    }
}
