import Config
import Foundation

/// How a configured `beanstalk` source becomes a `BeanstalkSource`:
/// `beanstalk://HOST[:PORT]` (default port 11300), tubes from `beanstalk.tubes` or `?tubes=`.
extension BeanstalkSource {
    public static func configured(_ source: SourceConfig) throws(PollError) -> BeanstalkSource {
        guard let text = source.url, let c = URLComponents(string: text), let host = c.host, !host.isEmpty else {
            throw PollError("a beanstalk source needs url: beanstalk://HOST:11300")
        }
        var tubes = source.beanstalk?.tubes ?? []
        if tubes.isEmpty, let list = c.queryItems?.first(where: { $0.name == "tubes" })?.value {
            tubes = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let limit = Int(source.bodySizeLimit.bytes)
        return try BeanstalkSource(host: host, port: c.port ?? 11300, tubes: tubes, replyLimit: limit > 0 ? limit : 4 << 20)
    }
}
