import Config
import Foundation
import HTTP
import Testing
import TimeSeries
@testable import Polling

/// The JSON source against a real HTTP server (python3's http.server serving the fixtures at the
/// paths the real services use), and the extractor's mapping rules.
@Suite(.serialized) struct JSONSourceTests {
    /// One json source from config text (the `json:` section and anything else), decoded by the real loader.
    static func source(_ body: String, url: String = "http://127.0.0.1:1/x") throws -> SourceConfig {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        let text = "sources:\n  - name: app\n    kind: json\n    url: \(url)\n" + indented + "\n"
        return try ConfigLoader.parse(text: text, file: "/tmp/vigil.yml").sources[0]
    }

    static func extract(_ body: String, _ document: String) throws -> String {
        let values = try source(body).json?.values ?? []
        let doc = try JSONDocument.parse(Array(document.utf8))
        return String(decoding: try JSONExtractor(values).exposition(doc), as: UTF8.self)
    }

    /// Lines that are samples, for comparisons that ignore HELP/TYPE.
    static func samples(_ text: String) -> [String] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    // MARK: mapping rules

    @Test func springActuatorMetric() throws {
        let out = try Self.extract("""
            json:
              values:
                - {path: "$.measurements[?(@.statistic=='VALUE')].value", name: jvm_memory_used_bytes, labels: {area: heap}}
            """, JSONFixtures.actuatorJVMMemoryUsed)
        #expect(out == """
            # HELP jvm_memory_used_bytes From JSON path $.measurements[?(@.statistic=='VALUE')].value.
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap"} 1.38936864e+08

            """)
    }

    @Test func springTimerFansOutByStatistic() throws {
        let out = try Self.extract("""
            json:
              values:
                - {path: "$.measurements[*].value", name: http_server_requests, labels: {statistic: "@.statistic"}, type: untyped}
            """, JSONFixtures.actuatorHTTPRequests)
        #expect(out.contains("# TYPE http_server_requests untyped\n"))
        #expect(Self.samples(out) == [
            #"http_server_requests{statistic="COUNT"} 1507"#,
            #"http_server_requests{statistic="TOTAL_TIME"} 12.583116"#,
            #"http_server_requests{statistic="MAX"} 0.052"#,
        ])
    }

    @Test func springHealthStatusesMapped() throws {
        let out = try Self.extract("""
            json:
              values:
                - {path: "$.status", name: app_up, map: {UP: 1, "*": 0}}
                - {path: "$.components.*.status", name: app_component_up, labels: {component: "@key"}, map: {UP: 1, DOWN: 0, OUT_OF_SERVICE: 0}}
            """, JSONFixtures.actuatorHealth)
        #expect(Self.samples(out) == [
            "app_up 0",
            #"app_component_up{component="db"} 1"#,
            #"app_component_up{component="diskSpace"} 1"#,
            #"app_component_up{component="mail"} 0"#,
            #"app_component_up{component="ping"} 1"#,
            #"app_component_up{component="redis"} 0"#,
        ])
    }

    @Test func goDebugVars() throws {
        let out = try Self.extract("""
            json:
              values:
                - {path: "$.memstats.HeapAlloc", name: go_memstats_heap_alloc_bytes}
                - {path: "$.memstats.NumGC", name: go_memstats_gc_total, type: counter}
                - {path: "$.memstats.*", name: go_memstats, labels: {field: "@key"}}
                - {path: "$.queues.*", name: app_queue_depth, labels: {queue: "@key"}}
                - {path: "$.requests", name: app_requests_total, type: counter}
            """, JSONFixtures.debugVars)
        let lines = Self.samples(out)
        #expect(lines.contains("go_memstats_heap_alloc_bytes 124696"))
        #expect(out.contains("# TYPE go_memstats_gc_total counter\ngo_memstats_gc_total 0\n"))
        // Numbers and booleans of memstats; its arrays and objects (PauseNs, BySize) are skipped.
        #expect(lines.contains(#"go_memstats{field="HeapAlloc"} 124696"#))
        #expect(lines.contains(#"go_memstats{field="EnableGC"} 1"#))
        #expect(lines.contains(#"go_memstats{field="DebugGC"} 0"#))
        #expect(!lines.contains { $0.contains("PauseNs") || $0.contains("BySize") })
        #expect(lines.contains(#"app_queue_depth{queue="emails"} 7"#))
        #expect(lines.contains(#"app_queue_depth{queue="reports"} 0"#))
        #expect(lines.contains("app_requests_total 42"))
        #expect(!out.contains("cmdline"))
    }

    @Test func serviceHealthDocument() throws {
        let out = try Self.extract("""
            json:
              values:
                - {path: "$.healthy", name: billing_healthy, labels: {service: billing}}
                - {path: "$.uptime_seconds", name: billing_uptime_seconds}
                - {path: "$.checks[*].ok", name: billing_check_ok, labels: {check: "@.name"}}
                - {path: "$.checks[*].latency_ms", name: billing_check_latency_ms, labels: {check: "@.name", note: "@@literal"}}
                - {path: "$.queues[*].depth", name: billing_queue_depth, labels: {queue: "@.name"}}
                - {path: "$.queues[*].consumers", name: billing_queue_consumers}
            """, JSONFixtures.serviceHealth)
        #expect(Self.samples(out) == [
            #"billing_healthy{service="billing"} 1"#,
            "billing_uptime_seconds 86400.5",
            #"billing_check_ok{check="postgres"} 1"#,
            #"billing_check_ok{check="stripe"} 0"#,
            #"billing_check_ok{check="cache"} 1"#,
            #"billing_check_latency_ms{check="postgres",note="@literal"} 3.2"#,
            #"billing_check_latency_ms{check="stripe",note="@literal"} 1200"#,
            #"billing_queue_depth{queue="invoices"} 17"#,
            #"billing_queue_depth{queue="refunds"} 0"#,
            // No label read from the element: the index tells the series apart.
            #"billing_queue_consumers{index="0"} 2"#,
            #"billing_queue_consumers{index="1"} 1"#,
        ])
    }

    @Test(arguments: [
        ("{path: $.service, name: x}", "$.service is the string \"billing\", not a number; map it with map:"),
        ("{path: $.checks, name: x}", "$.checks is an array, not a number"),
        ("{path: \"$.queues[?(@.consumers > 0)].consumers\", name: x}", "gives a series that value 1 already gave"),
        ("{path: $.service, name: x, map: {other: 1}}", "not in its map"),
    ])
    func valueErrors(_ value: String, _ message: String) throws {
        #expect {
            _ = try Self.extract("json:\n  values:\n    - \(value)\n", JSONFixtures.serviceHealth)
        } throws: { ($0 as? PollError)?.description.contains(message) == true }
    }

    @Test(arguments: [
        ("{path: \"$.a[\", name: x}", "json value 1 (x): JSONPath \"$.a[\": column 5: unclosed '['"),
        ("{path: $.a, name: x, labels: {l: \"@.[\"}}", "label l: JSONPath \"@.[\": column 3"),
        ("{path: \"@.a\", name: x}", "starting with '$'"),
    ])
    func configErrors(_ value: String, _ message: String) throws {
        let values: [JSONSourceConfig.Value]
        do {
            values = try Self.source("json:\n  values:\n    - \(value)\n").json?.values ?? []
        } catch {
            // The config decoder itself refuses paths not starting with '$'.
            #expect("\(error)".contains(message))
            return
        }
        #expect {
            _ = try JSONExtractor(values)
        } throws: { "\($0)".contains(message) }
    }

    @Test func conflictingTypesRefused() throws {
        let values = try Self.source("""
            json:
              values:
                - {path: $.a, name: x, type: counter}
                - {path: $.b, name: x, type: gauge}
            """).json?.values ?? []
        #expect { _ = try JSONExtractor(values) } throws: { "\($0)".contains("declared both counter and gauge") }
    }

    // MARK: over real HTTP

    /// Serves the fixtures with python3's http.server; nil (the test then passes with a note) when
    /// python3 is missing.
    static func server() -> (JSONTestProcess, String)? {
        let dir = JSONTestProcess.temporaryDirectory("json")
        JSONTestProcess.write(JSONFixtures.actuatorJVMMemoryUsed, to: "actuator/metrics/jvm.memory.used", in: dir)
        JSONTestProcess.write(JSONFixtures.actuatorHealth, to: "actuator/health", in: dir)
        JSONTestProcess.write(JSONFixtures.debugVars, to: "debug/vars", in: dir)
        JSONTestProcess.write(JSONFixtures.serviceHealth, to: "health.json", in: dir)
        JSONTestProcess.write("{\"broken\":\n [1, 2,, 3]}", to: "broken.json", in: dir)
        guard let p = JSONTestProcess.start("python3", ["-m", "http.server", "{PORT}", "--bind", "127.0.0.1", "--directory", dir]) else {
            return nil
        }
        return (p, "http://127.0.0.1:\(p.port)")
    }

    @Test func pollsRealHTTPServerThroughTheFactory() async throws {
        guard let (server, base) = Self.server() else {
            print("note: python3 not installed; JSON HTTP test skipped")
            return
        }
        defer { server.stop() }
        let source = try Self.source("""
            json:
              values:
                - {path: "$.measurements[?(@.statistic=='VALUE')].value", name: jvm_memory_used_bytes, labels: {area: heap}}
            """, url: "\(base)/actuator/metrics/jvm.memory.used")
        let targets = try SourceFactory().targets(for: source)
        #expect(targets.count == 1)
        #expect(targets[0].instance == "127.0.0.1:\(server.port)")
        let store = SeriesStore(retention: 3_600_000)
        var poller = TargetPoller(target: targets[0], store: store)
        let outcome = await poller.poll(deadline: .now + .seconds(5))
        #expect(outcome.up, "\(outcome.error ?? "")")
        let got = store.select([try LabelMatcher(.equal, "__name__", "jvm_memory_used_bytes")], mint: 0, maxt: .max)
        #expect(got.count == 1)
        #expect(got.first?.labels == Labels(["__name__": "jvm_memory_used_bytes", "area": "heap", "job": "app",
                                             "instance": "127.0.0.1:\(server.port)"]))
        #expect(got.first?.samples.last?.v == 138_936_864)
        #expect(store.metadata(for: "jvm_memory_used_bytes")?.type == .gauge)
    }

    @Test func realHTTPDocumentsAndFailures() async throws {
        guard let (server, base) = Self.server() else {
            print("note: python3 not installed; JSON HTTP test skipped")
            return
        }
        defer { server.stop() }
        let client = HTTPClient()
        func poll(_ path: String, _ values: String, limit: Int = 0) async throws -> String {
            let v = try Self.source("json:\n  values:\n" + values).json?.values ?? []
            let s = JSONSource(url: base + path, extractor: try JSONExtractor(v),
                               settings: HTTPSettings(bodySizeLimit: limit), client: client)
            return String(decoding: try await s.poll(deadline: .now + .seconds(5)).body, as: UTF8.self)
        }
        let health = try await poll("/actuator/health", "    - {path: $.status, name: up_status, map: {UP: 1, DOWN: 0}}\n")
        #expect(Self.samples(health) == ["up_status 0"])
        let vars = try await poll("/debug/vars", "    - {path: $.memstats.HeapAlloc, name: heap}\n")
        #expect(Self.samples(vars) == ["heap 124696"])
        let svc = try await poll("/health.json", "    - {path: \"$.checks[?(@.ok == false)].latency_ms\", name: slow, labels: {check: \"@.name\"}}\n")
        #expect(Self.samples(svc) == [#"slow{check="stripe"} 1200"#])

        await #expect { _ = try await poll("/missing", "    - {path: $.a, name: a}\n") } throws: {
            "\($0)".contains("server returned HTTP status 404")
        }
        await #expect { _ = try await poll("/broken.json", "    - {path: $.a, name: a}\n") } throws: {
            "\($0)".contains("invalid JSON: Invalid value at line 2, column 8")
        }
        await #expect { _ = try await poll("/debug/vars", "    - {path: $.requests, name: a}\n", limit: 100) } throws: {
            "\($0)".contains("body size limit exceeded")
        }
    }
}
