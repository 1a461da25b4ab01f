import Config
import Testing

/// Valid configs: defaults, inference and path resolution.
@Suite struct ConfigGoodTests {
    static let full = """
    global:
      poll_interval: 30s
      timeout: 5s
      retention: 12h
      memory_limit: 512MiB
      external_labels: {region: eu}
    theme: dark
    sources:
      - name: api
        url: http://127.0.0.1:9100/metrics
        labels: {team: web}
        basic_auth: {username: u, password_file: secrets/pw}
      - name: nodes
        targets: [a:9100, b:9100]
        scheme: https
        metrics_path: /m
        params: {module: [x]}
        interval: 1m
        tls: {ca_file: /etc/ca.pem, insecure_skip_verify: true}
        bearer_token_env: TOKEN
      - name: queue
        url: redis://localhost:6379
        redis: {preset: celery, db: 2, password: hunter2}
      - name: jvm
        kind: json
        url: https://app/actuator
        json:
          values:
            - {path: "$.jvm.memory.used", name: jvm_memory_used_bytes, labels: {area: heap}}
      - name: disk
        command: {argv: ["df -k | tail -1"], shell: true, format: number}
      - name: upstream
        url: prometheus://prom:9090
        prometheus_api: {query: 'sum(up)'}
      - name: files
        file_sd: {files: ["sd/*.json"], refresh_interval: 1m}
    rule_files: [rules/*.yml, /abs/r.yml]
    notifiers:
      - kind: alertmanager
        url: http://am:9093
      - kind: tui
        tui: {bell: false}
      - kind: log
        path: alerts.log
    dashboards:
      - title: Overview
        rows:
          - height: 2
            panels:
              - title: Requests
                type: timeseries
                query: 'sum by (code) (rate(http_requests_total[1m]))'
                unit: ops
                thresholds: [{value: 0.5, color: yellow}]
              - title: Latency
                type: latency
                queries: [{expr: 'histogram_quantile(0.9, x)', legend: p90}]
                quantiles: [0.5, 0.9, 0.99]
                width: 2
          - min_height: 5
            panels:
              - {type: alerts}
    """

    @Test func fullConfig() throws {
        let c = try ConfigLoader.parse(text: Self.full, file: "/etc/vigil/vigil.yml")
        #expect(c.directory == "/etc/vigil")
        #expect(c.global.pollInterval == .seconds(30))
        #expect(c.global.timeout == .seconds(5))
        #expect(c.global.evaluationInterval == .seconds(30))
        #expect(c.global.memoryLimit?.bytes == 536_870_912)
        #expect(c.global.externalLabels == ["region": "eu"])
        #expect(c.theme == .dark)
        #expect(c.sources.map(\.name) == ["api", "nodes", "queue", "jvm", "disk", "upstream", "files"])
        #expect(c.sources.map(\.kind) == [.prometheus, .prometheus, .redis, .json, .command, .prometheusAPI, .prometheus])
        let api = c.sources[0]
        #expect(api.interval == .seconds(30))
        #expect(api.timeout == .seconds(5))
        #expect(api.basicAuth?.password == .file("/etc/vigil/secrets/pw"))
        let nodes = c.sources[1]
        #expect(nodes.targets == ["a:9100", "b:9100"])
        #expect(nodes.scheme == "https")
        #expect(nodes.metricsPath == "/m")
        #expect(nodes.params == ["module": ["x"]])
        #expect(nodes.interval == .minutes(1))
        #expect(nodes.tls?.insecureSkipVerify == true)
        #expect(nodes.bearerToken == .environment("TOKEN"))
        #expect(c.sources[2].redis?.preset == .celery)
        #expect(c.sources[2].redis?.db == 2)
        #expect(c.sources[3].json?.values.first?.labels == ["area": "heap"])
        #expect(c.sources[4].command?.format == .number)
        #expect(c.sources[5].prometheusAPI?.step == .seconds(30))
        #expect(c.sources[6].fileSD?.files == ["/etc/vigil/sd/*.json"])
        #expect(c.ruleFiles == ["/etc/vigil/rules/*.yml", "/abs/r.yml"])
        #expect(c.notifiers.map(\.kind) == [.alertmanager, .tui, .log])
        #expect(c.notifiers[1].tui.bell == false)
        #expect(c.notifiers[2].path == "/etc/vigil/alerts.log")
        let rows = c.dashboards[0].rows
        #expect(rows[0].height == 2)
        #expect(rows[0].panels[0].queries.first?.expr == "sum by (code) (rate(http_requests_total[1m]))")
        #expect(rows[0].panels[1].quantiles == [0.5, 0.9, 0.99])
        #expect(rows[0].panels[1].width == 2)
        #expect(rows[1].minHeight == 5)
        #expect(rows[1].panels[0].type == .alerts)
    }

    @Test func secretsNeverPrint() throws {
        let c = try ConfigLoader.parse(text: Self.full, file: "/etc/vigil/vigil.yml")
        let password = try #require(c.sources[2].redis?.password)
        #expect("\(password)" == "<secret>")
        #expect(!String(describing: c).contains("hunter2"))
        #expect(!String(reflecting: c).contains("hunter2"))
        if case .literal(let secret) = password {
            #expect(secret.reveal() == "hunter2")
            #expect(String(reflecting: secret) == "<secret>")
        } else {
            Issue.record("expected a literal secret")
        }
    }

    @Test func defaults() throws {
        let c = try ConfigLoader.parse(text: "sources:\n  - name: a\n    url: http://h:1/metrics\n", file: "/x/c.yml")
        #expect(c.global.pollInterval == .seconds(15))
        #expect(c.global.timeout == .seconds(10))
        #expect(c.global.retention == .hours(6))
        #expect(c.global.evaluationInterval == .seconds(15))
        #expect(c.global.memoryLimit == nil)
        #expect(c.theme == .default)
        #expect(c.sources[0].timeout == .seconds(10))
        #expect(c.sources[0].honorLabels == false)
        #expect(c.sources[0].sampleLimit == 0)
    }

    @Test func shortIntervalCapsTheDefaultTimeout() throws {
        let c = try ConfigLoader.parse(text: "global: {poll_interval: 5s}\nsources:\n  - {name: a, url: 'http://h:1', interval: 2s}\n", file: "c.yml")
        #expect(c.global.timeout == .seconds(5))
        #expect(c.sources[0].timeout == .seconds(2))
    }

    @Test func emptyFileGivesDefaults() throws {
        let c = try ConfigLoader.parse(text: "# nothing yet\n", file: "c.yml")
        #expect(c.sources.isEmpty)
    }

    static let inferred: [(String, SourceKind)] = [
        ("http://h:1/metrics", .prometheus), ("https://h", .prometheus), ("nats://h:8222", .nats),
        ("beanstalk://h:11300", .beanstalk), ("kafka://h:9092", .kafka), ("rabbitmq://h:15672", .rabbitmq),
        ("prometheus://h:9090", .prometheusAPI),
    ]

    @Test(arguments: inferred)
    func kindFromScheme(_ url: String, _ kind: SourceKind) throws {
        var text = "sources:\n  - name: s\n    url: \(url)\n"
        if kind == .prometheusAPI { text += "    prometheus_api: {query: up}\n" }
        let c = try ConfigLoader.parse(text: text, file: "c.yml")
        #expect(c.sources.first?.kind == kind)
    }
}
