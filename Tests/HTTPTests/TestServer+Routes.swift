import Foundation
import Glibc

extension TestServer {
    /// A metrics-like body of exactly `size` bytes.
    static func body(size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size + 64)
        var i = 0
        while out.count < size {
            out.append(contentsOf: Array("vigil_test_metric_total{instance=\"a\",series=\"\(i)\"} \(i * 7)\n".utf8))
            i += 1
        }
        return Array(out.prefix(size))
    }

    static func head(_ status: String, _ headers: [(String, String)]) -> String {
        var s = "HTTP/1.1 \(status)\r\n"
        for (k, v) in headers { s += "\(k): \(v)\r\n" }
        return s + "\r\n"
    }

    static func respondBytes(_ fd: Int32, status: String = "200 OK", headers: [(String, String)] = [], body: [UInt8],
                             headOnly: Bool = false) -> Bool {
        var hs = headers
        hs.append(("Content-Length", String(body.count)))
        return writeAll(fd, Array(head(status, hs).utf8) + (headOnly ? [] : body))
    }

    /// Serves one request; returns whether the connection stays open for the next one.
    static func respond(to r: Request, fd: Int32) -> Bool {
        switch r.path {
        case "/ok":
            let size = Int(r.query("size") ?? "") ?? 64
            return respondBytes(fd, headers: [("Content-Type", "text/plain; version=0.0.4")], body: body(size: size),
                                headOnly: r.method == "HEAD")
        case "/status":
            let code = r.query("code") ?? "500"
            let text = code == "404" ? "Not Found" : code == "503" ? "Service Unavailable" : "Internal Server Error"
            return respondBytes(fd, status: "\(code) \(text)", body: Array("failure\n".utf8))
        case "/chunked":
            let size = Int(r.query("size") ?? "") ?? 1000
            let chunk = max(1, Int(r.query("chunk") ?? "") ?? 100)
            let b = body(size: size)
            var out = Array(head("200 OK", [("Transfer-Encoding", "chunked"), ("Trailer", "X-Trailer")]).utf8)
            var i = 0
            while i < b.count {
                let n = min(chunk, b.count - i)
                out += Array((String(n, radix: 16) + (i == 0 ? ";ext=1" : "") + "\r\n").utf8) + b[i..<(i + n)] + [13, 10]
                i += n
            }
            out += Array((r.query("trailer") == "no" ? "0\r\n\r\n" : "0\r\nX-Trailer: yes\r\n\r\n").utf8)
            return writeAll(fd, out)
        case "/endless-chunked":
            guard writeAll(fd, head("200 OK", [("Transfer-Encoding", "chunked")])) else { return false }
            let piece = Array("4000\r\n".utf8) + body(size: 0x4000) + [13, 10]
            for _ in 0..<10_000 where writeAll(fd, piece) {}
            return false
        case "/close":
            let size = Int(r.query("size") ?? "") ?? 1000
            _ = writeAll(fd, Array(head("200 OK", [("Connection", "close")]).utf8) + body(size: size))
            return false
        case "/hang":
            waitForClose(fd, seconds: 10)
            return false
        case "/hang-body":
            _ = writeAll(fd, Array(head("200 OK", [("Content-Length", "100")]).utf8) + body(size: 10))
            waitForClose(fd, seconds: 10)
            return false
        case "/reset":
            _ = writeAll(fd, Array(head("200 OK", [("Content-Length", "100000")]).utf8) + body(size: 1000))
            usleep(50_000)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        case "/garbage":
            _ = writeAll(fd, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n\r\n")
            return false
        case "/empty":
            return false
        case "/drip":
            let n = Int(r.query("n") ?? "") ?? 30
            guard writeAll(fd, head("200 OK", [("Content-Length", String(n))])) else { return false }
            for _ in 0..<n {
                guard writeAll(fd, "x") else { return false }
                sleep(1)
            }
            return false
        case "/redirect":
            let n = Int(r.query("n") ?? "") ?? 1
            if n <= 0 { return respondBytes(fd, body: Array("done \(r.method) \(r.body.count)".utf8)) }
            let status = r.query("status") ?? "302"
            return respondBytes(fd, status: "\(status) Found", headers: [("Location", "/redirect?n=\(n - 1)&status=\(status)")], body: [])
        case "/redirect-to":
            let to = (r.query("to") ?? "/").removingPercentEncoding ?? "/"
            return respondBytes(fd, status: "302 Found", headers: [("Location", to)], body: [])
        case "/loop":
            return respondBytes(fd, status: "302 Found", headers: [("Location", "/loop")], body: [])
        case "/echo":
            var text = "\(r.method) \(r.target)\n"
            for (k, v) in r.headers { text += "\(k): \(v)\n" }
            text += "\n"
            return respondBytes(fd, body: Array(text.utf8) + r.body)
        case "/huge-headers":
            var hs: [(String, String)] = []
            let filler = String(repeating: "h", count: 1000)
            for i in 0..<2100 { hs.append(("X-Filler-\(i)", filler)) }
            return respondBytes(fd, headers: hs, body: [])
        case "/bad-chunk":
            _ = writeAll(fd, head("200 OK", [("Transfer-Encoding", "chunked")]) + "zz\r\nhello\r\n0\r\n\r\n")
            return false
        case "/bad-cl":
            _ = writeAll(fd, head("200 OK", [("Content-Length", "12abc")]) + "hello")
            return false
        case "/bad-status":
            _ = writeAll(fd, "HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n")
            return false
        case "/interim":
            return writeAll(fd, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        case "/http10":
            _ = writeAll(fd, "HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello")
            return false
        case "/lf-only":
            return writeAll(fd, "HTTP/1.1 200 OK\nContent-Length: 2\nX-A: b\n\nok")
        case "/leftover":
            _ = writeAll(fd, head("200 OK", [("Content-Length", "2")]) + "okEXTRA")
            waitForClose(fd, seconds: 5)
            return false
        case "/conn":
            return respondBytes(fd, body: Array(String(r.connection).utf8))
        case "/gzip":
            let size = Int(r.query("size") ?? "") ?? 60_000
            return respondBytes(fd, headers: [("Content-Encoding", "gzip")], body: Fixtures.gzip(body(size: size)))
        case "/bomb":
            return respondBytes(fd, headers: [("Content-Encoding", "gzip")], body: Fixtures.gzipBomb)
        case "/gzip-corrupt":
            var gz = Fixtures.gzip(body(size: 5000))
            for i in 20..<min(60, gz.count) { gz[i] ^= 0x5A }
            return respondBytes(fd, headers: [("Content-Encoding", "gzip")], body: gz)
        case "/gzip-chunked":
            let gz = Fixtures.gzip(body(size: 60_000))
            var out = Array(head("200 OK", [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]).utf8)
            var i = 0
            while i < gz.count {
                let n = min(1000, gz.count - i)
                out += Array((String(n, radix: 16) + "\r\n").utf8) + gz[i..<(i + n)] + [13, 10]
                i += n
            }
            out += Array("0\r\n\r\n".utf8)
            return writeAll(fd, out)
        case "/deflate-unknown":
            return respondBytes(fd, headers: [("Content-Encoding", "br")], body: [1, 2, 3])
        case "/post":
            guard r.method == "POST" else { return respondBytes(fd, status: "405 Method Not Allowed", body: []) }
            return respondBytes(fd, headers: [("Content-Type", "application/json")],
                                body: Array("{\"received\":\(r.body.count),\"type\":\"\(r.header("Content-Type") ?? "")\"}".utf8))
        default:
            return respondBytes(fd, status: "404 Not Found", body: Array("404 page not found\n".utf8))
        }
    }
}
