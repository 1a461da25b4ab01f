import Config
import Foundation
import HTTP
import RESP
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
        case .prometheus:
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
        case .redis:
            guard let url = source.url, let config = source.redis else {
                throw Failure(description: "source \(source.name): a redis source needs a url and a redis section")
            }
            let timeout = Self.duration(source.timeout).seconds
            let options = RedisConnection.Options(connectTimeout: timeout, roundTripTimeout: timeout)
            // The query (`?keys=...`) was read into the redis section; the client takes the bare URL.
            var bare = URLComponents(string: url)
            bare?.query = nil
            do {
                let redis = try RedisQueueSource(url: bare?.string ?? url, config: config, options: options)
                return [target(Self.instance(of: url, defaultPort: 6379), redis)]
            } catch {
                throw Failure(description: "source \(source.name): \(error)")
            }
        case .rabbitmq:
            let http = try httpClient(for: source)
            do throws(PollError) {
                let r = try RabbitMQSource.configured(source, client: http)
                return [target(r.instance, r)]
            } catch { throw Failure(description: "source \(source.name): \(error)") }
        case .nats:
            let http = try httpClient(for: source)
            do throws(PollError) {
                let n = try NATSSource.configured(source, client: http)
                return [target(n.instance, n)]
            } catch { throw Failure(description: "source \(source.name): \(error)") }
        case .beanstalk:
            do throws(PollError) {
                let b = try BeanstalkSource.configured(source)
                return [target(b.instance, b)]
            } catch { throw Failure(description: "source \(source.name): \(error)") }
        case .kafka:
            let http = try httpClient(for: source)
            do throws(PollError) {
                let k = try KafkaSource.configured(source, client: http)
                return [target(k.instance, k)]
            } catch { throw Failure(description: "source \(source.name): \(error)") }
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
        // Plain http ignores tls_config, as in Prometheus; for https what cannot be honoured is refused
        // here, and (file_sd's `__scheme__`, redirects) again by the client when a request is made.
        for host in Self.httpsHosts(source) {
            if let why = options.unsupportedReason(host: host) { throw Failure(description: "source \(source.name): \(why)") }
        }
        var o = client.options
        o.tls = options
        return HTTPClient(options: o)
    }

    /// The hosts a source reaches over https, as far as its config says (file_sd targets come later).
    static func httpsHosts(_ source: SourceConfig) -> [String] {
        if let url = source.url {
            guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(),
                  ["https", "amqps", "prometheuss"].contains(scheme) else { return [] }
            return [c.host ?? ""]
        }
        guard source.scheme == "https" else { return [] }
        return source.targets.map { URLComponents(string: "https://" + $0)?.host ?? $0 }
    }

    /// Prometheus's `instance`: the target's host and port as written (`__address__`).
    static func instance(of url: String, defaultPort: Int? = nil) -> String {
        guard let c = URLComponents(string: url), let host = c.host else { return url }
        let h = host.contains(":") ? "[\(host)]" : host
        if let port = c.port { return "\(h):\(port)" }
        return "\(h):\(defaultPort ?? (c.scheme == "https" ? 443 : 80))"
    }

    static func duration(_ d: PromDuration) -> Duration { .milliseconds(d.milliseconds) }
}

// MARK: file_sd

extension SourceFactory {
    /// The targets of a `file_sd` source (prometheus or json kind) for the groups its
    /// `FileSDWatcher` found, labelled as Prometheus labels discovered targets: the source's
    /// `labels`, then the group's labels (which win, `job` and `instance` included), `job` = the
    /// source name and `instance` = the target address unless set; `__scheme__`,
    /// `__metrics_path__`, `__param_<name>`, `__scrape_interval__` and `__scrape_timeout__` shape
    /// the poll; labels starting with `__` (`__meta_filepath`...) are then dropped. Identical
    /// targets are polled once.
    public func targets(for source: SourceConfig, discovered groups: [FileSDGroup]) throws(Failure) -> [PollTarget] {
        guard source.kind == .prometheus || source.kind == .json else {
            throw Failure(description: "source \(source.name): file_sd applies to prometheus and json sources, not \(source.kind.rawValue)")
        }
        let http = try httpClient(for: source)
        var extractor: JSONExtractor?
        if source.kind == .json {
            guard let values = source.json?.values, !values.isEmpty else {
                throw Failure(description: "source \(source.name): a json source needs json.values")
            }
            do { extractor = try JSONExtractor(values) } catch { throw Failure(description: "source \(source.name): \(error)") }
        }
        var seen = Set<String>()
        var out: [PollTarget] = []
        for group in groups {
            for address in group.targets {
                var labels = source.labels
                for (k, v) in group.labels { labels[k] = v }
                labels["__address__"] = address
                if (labels["job"] ?? "").isEmpty { labels["job"] = source.name }
                if (labels["instance"] ?? "").isEmpty { labels["instance"] = address }
                let scheme = labels["__scheme__"] ?? source.scheme
                guard scheme == "http" || scheme == "https" else {
                    throw Failure(description: "source \(source.name): \(group.source): __scheme__ must be http or https, not \"\(scheme)\"")
                }
                var path = labels["__metrics_path__"] ?? source.metricsPath
                if !path.hasPrefix("/") { path = "/" + path }
                var params = source.params
                for (k, v) in labels where k.hasPrefix("__param_") { params[String(k.dropFirst("__param_".count))] = [v] }
                let interval = try duration(labels["__scrape_interval__"], source.interval, source, group)
                let timeout = try duration(labels["__scrape_timeout__"], source.timeout, source, group)
                let url = "\(scheme)://\(address)\(path)\(Self.queryString(params))"
                let kept = labels.filter { !$0.key.hasPrefix("__") && !$0.value.isEmpty }
                let target = PollTarget(labels: Labels(kept), source: Self.pollSource(source, url: url, http: http, extractor: extractor),
                                        interval: Self.duration(interval), timeout: Self.duration(min(timeout, interval)),
                                        sampleLimit: source.sampleLimit, honorLabels: source.honorLabels)
                if seen.insert(target.key).inserted { out.append(target) }
            }
        }
        return out
    }

    private static func pollSource(_ source: SourceConfig, url: String, http: HTTPClient, extractor: JSONExtractor?) -> any PollSource {
        if let extractor { return JSONSource(url: url, extractor: extractor, settings: HTTPSettings(source), client: http) }
        return ScrapeSource(url: url, settings: HTTPSettings(source), client: http, timeout: duration(source.timeout))
    }

    private func duration(_ text: String?, _ fallback: PromDuration, _ source: SourceConfig, _ group: FileSDGroup) throws(Failure) -> PromDuration {
        guard let text, !text.isEmpty else { return fallback }
        switch PromDuration.parse(text) {
        case .success(let d) where !d.isZero: return d
        case .success: throw Failure(description: "source \(source.name): \(group.source): a scrape interval or timeout must be greater than zero")
        case .failure(let e): throw Failure(description: "source \(source.name): \(group.source): invalid duration \"\(text)\": \(e.reason)")
        }
    }

    static func queryString(_ params: [String: [String]]) -> String {
        guard !params.isEmpty else { return "" }
        var c = URLComponents()
        c.queryItems = params.sorted { $0.key < $1.key }.flatMap { k, vs in vs.map { URLQueryItem(name: k, value: $0) } }
        return c.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}
