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
        case .json, .prometheusAPI:
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
    static func instance(of url: String, defaultPort: Int? = nil) -> String {
        guard let c = URLComponents(string: url), let host = c.host else { return url }
        let h = host.contains(":") ? "[\(host)]" : host
        if let port = c.port { return "\(h):\(port)" }
        return "\(h):\(defaultPort ?? (c.scheme == "https" ? 443 : 80))"
    }

    static func duration(_ d: PromDuration) -> Duration { .milliseconds(d.milliseconds) }
}
