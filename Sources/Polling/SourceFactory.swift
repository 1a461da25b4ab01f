import Config
import Foundation
import HTTP
import TimeSeries

/// Turns configured sources into poll targets: the right `PollSource` for each kind, with the
/// `job`/`instance` labels Prometheus would give them and the source's interval and limits.
public struct SourceFactory: Sendable {
    /// Shared by every HTTP source without TLS settings of its own (one connection pool).
    public let client: HTTPClient

    public init(client: HTTPClient = HTTPClient()) {
        self.client = client
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The targets of one source; a source with several `targets` gives several.
    public func targets(for source: SourceConfig) throws(Failure) -> [PollTarget] {
        func target(_ instance: String, _ poll: any PollSource) -> PollTarget {
            var labels = source.labels
            labels["job"] = source.name
            labels["instance"] = instance
            return PollTarget(
                labels: Labels(labels), source: poll, interval: Self.duration(source.interval),
                timeout: Self.duration(source.timeout), sampleLimit: source.sampleLimit, honorLabels: source.honorLabels)
        }
        switch source.kind {
        case .prometheus, .kafka:
            let http = try httpClient(for: source)
            return try scrapeURLs(source).map { url in
                target(Self.instance(of: url), ScrapeSource(url: url, settings: HTTPSettings(source), client: http,
                                                            timeout: Self.duration(source.timeout)))
            }
        case .host:
            return [target(ProcessInfo.processInfo.hostName, HostSource())]
        case .command:
            guard let c = source.command, let program = c.argv.first else {
                throw Failure(description: "source \(source.name): no command given")
            }
            let format: CommandSource.Format =
                c.format == .number ? .number(metric: CommandSource.metricName(for: source.name)) : .exposition
            let bodyLimit = Int(source.bodySizeLimit.bytes)
            return [target(URL(fileURLWithPath: program).lastPathComponent,
                           CommandSource(argv: c.argv, shell: c.shell, format: format,
                                         outputLimit: bodyLimit > 0 ? bodyLimit : 16 << 20))]
        case .json:
            let http = try httpClient(for: source)
            guard let values = source.json?.values, !values.isEmpty else {
                throw Failure(description: "source \(source.name): a json source needs json.values")
            }
            let extractor: JSONExtractor
            do { extractor = try JSONExtractor(values) } catch {
                throw Failure(description: "source \(source.name): \(error)")
            }
            return try scrapeURLs(source).map { url in
                target(Self.instance(of: url), JSONSource(url: url, extractor: extractor, settings: HTTPSettings(source), client: http))
            }
        case .prometheusAPI:
            let http = try httpClient(for: source)
            let api = try PrometheusAPISource(source, client: http)
            return [target(api.instance, api)]
        case .redis, .rabbitmq, .nats, .beanstalk:
            throw Failure(description: "source \(source.name): \(source.kind.rawValue) sources are not available in this build yet")
        }
    }

    /// The scrape URLs of a Prometheus-kind source: its `url`, or one per `targets` entry.
    func scrapeURLs(_ source: SourceConfig) throws(Failure) -> [String] {
        if let url = source.url { return [url] }
        var query = ""
        if !source.params.isEmpty {
            var c = URLComponents()
            c.queryItems = source.params.sorted { $0.key < $1.key }.flatMap { k, vs in vs.map { URLQueryItem(name: k, value: $0) } }
            query = c.percentEncodedQuery.map { "?" + $0 } ?? ""
        }
        let path = source.metricsPath.hasPrefix("/") ? source.metricsPath : "/" + source.metricsPath
        return source.targets.map { "\(source.scheme)://\($0)\(path)\(query)" }
    }

    private func httpClient(for source: SourceConfig) throws(Failure) -> HTTPClient {
        guard let tls = source.tls else { return client }
        let options = TLSOptions(caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile,
                                 insecureSkipVerify: tls.insecureSkipVerify, serverName: tls.serverName)
        if let why = options.unsupportedReason { throw Failure(description: "source \(source.name): \(why)") }
        var o = client.options
        o.tls = options
        return HTTPClient(options: o)
    }

    /// Prometheus's `instance`: the target's host and port as written (`__address__`).
    static func instance(of url: String) -> String {
        guard let c = URLComponents(string: url), let host = c.host else { return url }
        let h = host.contains(":") ? "[\(host)]" : host
        if let port = c.port { return "\(h):\(port)" }
        return "\(h):\(c.scheme == "https" ? 443 : 80)"
    }

    static func duration(_ d: PromDuration) -> Duration { .milliseconds(d.milliseconds) }
}
