import Config
import Foundation
import HTTP

/// How a configured `nats` source becomes a `NATSSource`: `nats://HOST[:PORT]` is the monitoring
/// port (default 8222; the client port 4222 is refused with a hint), `http(s)://HOST:PORT[/BASE]`
/// the monitoring URL itself.
extension NATSSource {
    public static func configured(_ source: SourceConfig, client: HTTPClient) throws(PollError) -> NATSSource {
        guard let text = source.url, let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
              let host = c.host, !host.isEmpty else {
            throw PollError("a nats source needs url: nats://HOST:8222 (the monitoring port)")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        switch scheme {
        case "nats":
            let port = c.port ?? 8222
            if port == 4222 {
                throw PollError("nats://\(hostPart):4222 is the client port; Vigil reads the monitoring port (nats-server -m 8222): use nats://\(hostPart):8222")
            }
            return NATSSource(monitorURL: "http://\(hostPart):\(port)", settings: HTTPSettings(source), client: client,
                              instance: "\(hostPart):\(port)")
        case "http", "https":
            let port = c.port ?? (scheme == "https" ? 443 : 80)
            let path = c.percentEncodedPath.hasSuffix("/") ? String(c.percentEncodedPath.dropLast()) : c.percentEncodedPath
            return NATSSource(monitorURL: "\(scheme)://\(hostPart):\(port)\(path)", settings: HTTPSettings(source),
                              client: client, instance: "\(hostPart):\(port)")
        default:
            throw PollError("nats: unsupported URL scheme \"\(scheme)\" (use nats:// or http(s):// for the monitoring port)")
        }
    }
}
