import Foundation
import Testing
@testable import HTTP

/// `Content-Encoding` on the socket path: gzip bodies made by the system's gzip, the body size limit
/// after decompression (a gzip bomb fails fast), corrupt data, unknown encodings.
@Suite struct HTTPClientGzipTests {
    let client = HTTPClient()

    @Test func gzipIsRequestedOnlyWhenItCanBeDecoded() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/echo"), timeout: .seconds(10), bodyLimit: 1 << 20)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("Accept-Encoding: gzip\n") == ContentDecoder.canDecodeGzip)
        let off = HTTPClient(options: HTTPClientOptions(enableCompression: false))
        let r2 = try await off.get(server.url("/echo"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(!String(decoding: r2.body, as: UTF8.self).contains("Accept-Encoding"))
    }

    @Test(arguments: ["/gzip?size=60000", "/gzip-chunked"])
    func gzipBody(path: String) async throws {
        guard Fixtures.gzipAvailable else { return }
        let server = try TestServer()
        if ContentDecoder.canDecodeGzip {
            let r = try await client.get(server.url(path), timeout: .seconds(10), bodyLimit: 1 << 20)
            #expect(r.body == TestServer.body(size: 60_000))
            #expect(r.headers["Content-Encoding"] == "gzip")
        } else {
            do {
                _ = try await client.get(server.url(path), timeout: .seconds(10), bodyLimit: 1 << 20)
                Issue.record("expected a failure")
            } catch {
                #expect(error.description.hasSuffix(": unsupported Content-Encoding \"gzip\""))
            }
        }
    }

    @Test func gzipBombStopsAtTheLimit() async throws {
        guard Fixtures.gzipAvailable, ContentDecoder.canDecodeGzip else { return }
        let server = try TestServer()
        let started = ContinuousClock.now
        do {
            _ = try await client.get(server.url("/bomb"), timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(1 << 20))
            #expect(error.description.hasSuffix(": body size limit exceeded"))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func decodedBodyOverTheLimit() async throws {
        guard Fixtures.gzipAvailable, ContentDecoder.canDecodeGzip else { return }
        let server = try TestServer()
        do {
            _ = try await client.get(server.url("/gzip?size=60000"), timeout: .seconds(10), bodyLimit: 59_999)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(59_999))
        }
        let exact = try await client.get(server.url("/gzip?size=60000"), timeout: .seconds(10), bodyLimit: 60_000)
        #expect(exact.body.count == 60_000)
    }

    @Test func corruptGzip() async throws {
        guard Fixtures.gzipAvailable, ContentDecoder.canDecodeGzip else { return }
        let server = try TestServer()
        do {
            _ = try await client.get(server.url("/gzip-corrupt"), timeout: .seconds(10), bodyLimit: 1 << 20)
            Issue.record("expected a failure")
        } catch {
            guard case .decoding = error.kind else {
                Issue.record("expected a decoding error, got \(error)")
                return
            }
            #expect(error.description.hasPrefix("Get \"\(server.url("/gzip-corrupt"))\": gzip: "))
        }
    }

    @Test func unknownEncoding() async throws {
        let server = try TestServer()
        do {
            _ = try await client.get(server.url("/deflate-unknown"), timeout: .seconds(10), bodyLimit: 1 << 20)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description.hasSuffix(": unsupported Content-Encoding \"br\""))
        }
    }
}
