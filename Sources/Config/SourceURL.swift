import Foundation

/// Turns a source URL typed on the command line (`vigil poll redis://host:6379?keys=jobs`) into
/// the same `SourceConfig` a config file would give, so both paths poll alike.
///
/// Forms: `http(s)://…` (a Prometheus scrape; its query string belongs to the target),
/// `redis(s)://[[USER]:PASSWORD@]HOST:PORT[/DB]?keys=K1,K2&scan=PATTERN&preset=celery|sidekiq|rq|bullmq`,
/// `rabbitmq://[USER:PASS@]HOST:PORT[/VHOST]?queues=REGEX` (the management API's port),
/// `nats://HOST:PORT` (the monitoring port), `beanstalk://HOST:PORT?tubes=T1,T2`,
/// `prometheus(s)://HOST:PORT?query=EXPR[&step=15s]`, `host://` (this machine). Passwords may also
/// come from `password_file=` or `password_env=`; they are kept as secrets and never printed.
public enum SourceURL {
    public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static func parse(_ text: String, global: GlobalConfig = GlobalConfig()) throws(ParseError) -> SourceConfig {
        func fail(_ m: String) -> ParseError { ParseError(description: "\(redacted(text)): \(m)") }
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased() else {
            throw fail("not a URL")
        }
        guard let kind = SourceKind.inferred(fromScheme: scheme) else {
            throw fail("unknown scheme \"\(scheme)\" (expected http, https, redis, rediss, rabbitmq, nats, beanstalk, prometheus, prometheuss, kafka or host)")
        }
        if kind == .host {
            return SourceConfig(name: "host", kind: .host, url: nil, interval: global.pollInterval,
                                timeout: min(global.timeout, global.pollInterval))
        }
        guard let host = c.host, !host.isEmpty else { throw fail("missing host") }
        var params: [String: String] = [:]
        if kind != .prometheus {
            for item in c.queryItems ?? [] { params[item.name] = item.value ?? "" }
        }
        let interval = (params["interval"]).flatMap { try? PromDuration.parse($0).get() } ?? global.pollInterval
        let timeout = min((params["timeout"]).flatMap { try? PromDuration.parse($0).get() } ?? global.timeout, interval)
        // The password moves into a secret; the URL kept in the config never carries it.
        var source = SourceConfig(name: kind.rawValue, kind: kind, url: c.password == nil ? text : withoutPassword(c),
                                  interval: interval, timeout: timeout)
        let password = try passwordSource(c, params, fail)
        switch kind {
        case .prometheus:
            if let user = c.user, !user.isEmpty { source.basicAuth = BasicAuth(username: user, password: password) }
        case .redis:
            var r = RedisSourceConfig()
            r.keys = list(params["keys"])
            r.scan = params["scan"]
            if let p = params["preset"] {
                guard let preset = RedisSourceConfig.Preset(rawValue: p) else {
                    throw fail("unknown preset \"\(p)\" (expected celery, sidekiq, rq or bullmq)")
                }
                r.preset = preset
            }
            let path = c.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if !path.isEmpty {
                guard let db = Int(path), db >= 0 else { throw fail("the path must be a database number, not \"\(path)\"") }
                r.db = db
            }
            if r.keys.isEmpty && r.scan == nil && r.preset == nil {
                throw fail("say which keys to watch: ?keys=K1,K2, ?scan=PATTERN or ?preset=celery|sidekiq|rq|bullmq")
            }
            r.password = password
            source.redis = r
        case .rabbitmq:
            var r = RabbitMQSourceConfig()
            let vhost = c.percentEncodedPath.dropFirst()
            if !vhost.isEmpty { r.vhost = String(vhost).removingPercentEncoding ?? String(vhost) }
            if let q = params["queues"] {
                do { _ = try Regex(q) } catch { throw fail("queues: invalid regular expression: \(q)") }
                r.queues = q
            }
            source.rabbitmq = r
            source.basicAuth = BasicAuth(username: c.user ?? "guest", password: password ?? .literal(Secret("guest")))
        case .beanstalk:
            source.beanstalk = BeanstalkSourceConfig(tubes: list(params["tubes"]))
        case .prometheusAPI:
            guard let q = params["query"], !q.isEmpty else { throw fail("missing ?query=EXPR") }
            let step = (params["step"]).flatMap { try? PromDuration.parse($0).get() } ?? interval
            source.prometheusAPI = PrometheusAPISourceConfig(query: q, step: step)
            if let user = c.user, !user.isEmpty { source.basicAuth = BasicAuth(username: user, password: password) }
        case .nats, .json, .command, .host, .kafka:
            break
        }
        return source
    }

    private static func passwordSource(
        _ c: URLComponents, _ params: [String: String], _ fail: (String) -> ParseError
    ) throws(ParseError) -> SecretSource? {
        if let f = params["password_file"] { return .file(f) }
        if let e = params["password_env"] { return .environment(e) }
        if let p = c.password { return .literal(Secret(p.removingPercentEncoding ?? p)) }
        return nil
    }

    private static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func withoutPassword(_ c: URLComponents) -> String {
        var c = c
        c.password = nil
        if c.user == "" { c.user = nil }
        return c.string ?? ""
    }

    /// The URL with any password replaced, for messages.
    public static func redacted(_ text: String) -> String {
        guard var c = URLComponents(string: text) else { return text }
        if c.password != nil { c.password = "xxxxx" }
        if let items = c.queryItems, items.contains(where: { $0.name == "password" }) {
            c.queryItems = items.map { $0.name == "password" ? URLQueryItem(name: $0.name, value: "xxxxx") : $0 }
        }
        return c.string ?? text
    }
}
