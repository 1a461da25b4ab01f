import Foundation
import Glibc

/// Checks that a benchmarked tool really ingested what it scraped, not just that requests arrived:
/// Prometheus is asked over its HTTP API (an instant query, answered as one number), and Vigil's
/// `vigil poll` parses one target's response and reports its samples.
enum LoopbackQuery {
    /// The single value of the instant query `expr` on the Prometheus at `127.0.0.1:port`, or nil.
    static func prometheusValue(port: Int, expr: String) -> Double? {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        guard let query = expr.addingPercentEncoding(withAllowedCharacters: allowed),
              let body = get(port: port, path: "/api/v1/query?query=\(query)"),
              let json = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let data = json["data"] as? [String: Any],
              let result = data["result"] as? [[String: Any]],
              let value = result.first?["value"] as? [Any], value.count == 2,
              let text = value[1] as? String else { return nil }
        return Double(text)
    }

    /// `GET path` over HTTP/1.0 on 127.0.0.1:port, the body when the status is 200 (5 s limit).
    static func get(port: Int, path: String) -> [UInt8]? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while response.count < 16 << 20 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let end = ScrapeTargetServer.headEnd(response),
              String(decoding: response[0..<end], as: UTF8.self).split(separator: " ").dropFirst().first == "200" else { return nil }
        return Array(response[(end + 4)...])
    }

    /// `vigil poll URL`: whether it succeeded and the samples its target gave (`scrape_samples_scraped`).
    static func vigilPoll(_ vigil: URL, url: String) -> (ok: Bool, samples: Int?, output: String) {
        guard let r = try? PeerProgram.run(vigil, ["poll", url]) else { return (false, nil, "vigil poll could not start") }
        let samples = r.output.split(separator: "\n").first { $0.hasPrefix("scrape_samples_scraped") }
            .flatMap { $0.split(separator: " ").last }.flatMap { Int($0) }
        return (r.status == 0, samples, r.output)
    }
}
