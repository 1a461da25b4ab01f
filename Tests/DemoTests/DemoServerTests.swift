import Foundation
import HTTP
import Scrape
import Testing
import TimeSeries
@testable import Demo

/// The demo's services over real HTTP on loopback, read by Vigil's own client and ingester.
@Suite struct DemoServerTests {
    @Test func everyServiceServesItsMetrics() async throws {
        let demo = try Demo.start()
        defer { demo.stop() }
        #expect(demo.endpoints.map(\.job) == ["checkout", "payments", "search", "worker"])
        #expect(Set(demo.endpoints.map(\.address)).count == 4)
        let client = HTTPClient()
        let store = SeriesStore()
        for endpoint in demo.endpoints {
            #expect(endpoint.address.hasPrefix("127.0.0.1:"))
            let r = try await client.get(endpoint.url, timeout: .seconds(5), bodyLimit: 1 << 20)
            #expect(r.status == 200)
            #expect(r.contentType == "text/plain; version=0.0.4; charset=utf-8")
            var ingester = ScrapeIngester(store: store, target: TargetLabels(Labels(["job": endpoint.job, "instance": endpoint.address])))
            let report = try ingester.ingest(r.body, format: .prometheusText, at: 1000)
            #expect(report.samplesScraped > 4 && report.samplesRejected == 0)
            let page = String(decoding: r.body, as: UTF8.self)
            #expect(page.contains("process_start_time_seconds \(Int(demo.startedAt.timeIntervalSince1970))"))
            if endpoint.job == "worker" {
                #expect(page.contains("vigil_queue_depth{system=\"demo\",queue=\"emails\"}"))
            } else {
                #expect(page.contains("# TYPE http_request_duration_seconds histogram"))
            }
        }
        let base = "http://\(demo.endpoints[0].address)"
        #expect(try await client.get(base + "/", timeout: .seconds(5), bodyLimit: 1024).status == 200)
        #expect(try await client.get(base + "/nope", timeout: .seconds(5), bodyLimit: 1024).status == 404)
        let post = HTTPRequest(method: "POST", url: try HTTPURL(base + "/metrics"), body: [1])
        #expect(try await client.send(post, timeout: .seconds(5), bodyLimit: 1024).status == 405)
    }

    @Test func countersGrowWithRealTime() async throws {
        let demo = try Demo.start()
        defer { demo.stop() }
        let client = HTTPClient()
        func total() async throws -> Double {
            let body = try await client.get(demo.endpoints[2].url, timeout: .seconds(5), bodyLimit: 1 << 20).body
            return String(decoding: body, as: UTF8.self).split(separator: "\n")
                .filter { $0.hasPrefix("http_requests_total{") }
                .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
                .reduce(0, +)
        }
        let first = try await total()
        try await Task.sleep(for: .milliseconds(600))
        let second = try await total()
        #expect(second > first)
        #expect(demo.elapsed >= 0.6)
    }
}
