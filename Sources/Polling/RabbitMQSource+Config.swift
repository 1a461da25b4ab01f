import Config
import Foundation
import HTTP

/// How a configured `rabbitmq` source becomes a `RabbitMQSource`.
///
/// URL forms: `rabbitmq://[USER:PASS@]HOST[:PORT][/VHOST]` (the management port, default
/// 15672), `amqp://` and `amqps://` (the AMQP port 5672/5671 is taken to mean the management
/// port 15672/15671 on the same host; `amqps` uses HTTPS), or the management URL itself,
/// `http(s)://HOST:PORT[/PREFIX]`. The vhost is `rabbitmq.vhost` (default `/`), or the URL path
/// of a `rabbitmq://`/`amqp://` URL; `*` means every vhost. Credentials: `basic_auth`, else the
/// URL's user info, else RabbitMQ's default `guest`/`guest`.
extension RabbitMQSource {
    public static func configured(_ source: SourceConfig, client: HTTPClient) throws(PollError) -> RabbitMQSource {
        guard let text = source.url, let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
              let host = c.host, !host.isEmpty else {
            throw PollError("a rabbitmq source needs url: rabbitmq://HOST:PORT (the management API)")
        }
        let httpScheme: String, port: Int
        var prefix = ""
        var vhost = source.rabbitmq?.vhost ?? "/"
        switch scheme {
        case "http", "https":
            httpScheme = scheme
            port = c.port ?? (scheme == "https" ? 443 : 80)
            prefix = c.percentEncodedPath.hasSuffix("/") ? String(c.percentEncodedPath.dropLast()) : c.percentEncodedPath
        case "rabbitmq", "amqp", "amqps":
            httpScheme = scheme == "amqps" ? "https" : "http"
            switch (scheme, c.port) {
            case ("amqps", nil), ("amqps", 5671): port = 15671
            case (_, nil), ("amqp", 5672): port = 15672
            case (_, let p?): port = p
            }
            let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
            if !path.isEmpty && vhost == "/" { vhost = path }
        default:
            throw PollError("rabbitmq: unsupported URL scheme \"\(scheme)\" (use rabbitmq://, amqp://, amqps://, http:// or https://)")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let user = c.user.flatMap { $0.isEmpty ? nil : ($0.removingPercentEncoding ?? $0) }
        let password = c.password.map { $0.removingPercentEncoding ?? $0 }
        let fallback = HTTPAuthorization.basic(username: user ?? "guest", password: password ?? (user == nil ? "guest" : ""))
        return try RabbitMQSource(
            managementURL: "\(httpScheme)://\(hostPart):\(port)\(prefix)", vhost: vhost == "*" ? nil : vhost,
            queuePattern: source.rabbitmq?.queues, settings: HTTPSettings(source), client: client, instance: "\(hostPart):\(port)",
            fallbackAuthorization: fallback)
    }
}
