import Config
import Testing

/// Invalid configs, each with the exact errors (all of them, in file order) the user sees.
@Suite struct ConfigBadTests {
    static let cases: [(String, [String])] = [
        ("sources:\n  - name: api\n    url: http://h:1\n    intervall: 5s\n",
         ["c.yml:4:5: unknown field \"intervall\" in source \"api\"; did you mean \"interval\"?"]),
        ("global:\n  poll_intervall: 5s\n  timout: 1s\n",
         ["c.yml:2:3: unknown field \"poll_intervall\" in global; did you mean \"poll_interval\"?",
          "c.yml:3:3: unknown field \"timout\" in global; did you mean \"timeout\"?"]),
        ("global:\n  poll_interval: 15x\n",
         ["c.yml:2:18: invalid duration \"15x\" for \"poll_interval\": unknown unit \"x\"; use ms, s, m, h, d, w or y"]),
        ("global:\n  poll_interval: [1]\n",
         ["c.yml:2:18: \"poll_interval\" in global must be a duration like 15s or 1h30m, found a sequence"]),
        ("global:\n  poll_interval: 10s\n  timeout: 20s\n",
         ["c.yml:3:12: \"timeout\" in global (20s) must not be greater than \"poll_interval\" (10s)"]),
        ("global:\n  memory_limit: 12XB\n",
         ["c.yml:2:17: invalid size \"12XB\" for \"memory_limit\": unknown unit \"XB\"; use B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024)"]),
        ("global:\n  external_labels: {__x: 1, 9a: b}\n",
         ["c.yml:2:21: label name \"__x\" in \"external_labels\" is reserved (names starting with \"__\" are internal)",
          "c.yml:2:29: invalid label name \"9a\" in \"external_labels\": use letters, digits and '_', not starting with a digit"]),
        ("theme: drak\n", ["c.yml:1:8: invalid theme \"drak\" in the config file; did you mean \"dark\"?"]),
        ("sourcez: []\n", ["c.yml:1:1: unknown field \"sourcez\" in the config file; did you mean \"sources\"?"]),
        ("- a\n", ["c.yml:1:1: the config file must be a mapping, found a sequence"]),
        ("sources:\n  - url: http://h:1\n", ["c.yml:2:5: missing required field \"name\" in source 1"]),
        ("sources:\n  - name: a\n", ["c.yml:2:5: missing required field \"url\" in source \"a\"; give \"url\", \"targets\", \"file_sd\" or \"command\""]),
        ("sources:\n  - {name: a, url: 'ftp://h'}\n",
         ["c.yml:2:20: URL scheme \"ftp\" is not supported for \"url\" in source \"a\"; use http, https, redis, rediss, rabbitmq, amqp, amqps, nats, beanstalk, beanstalkd, prometheus, prometheuss, kafka, host"]),
        ("sources:\n  - {name: a, url: 'http://h', kind: redis}\n",
         ["c.yml:2:5: missing required field \"redis\" in source \"a\" (a redis source needs redis.keys, redis.scan or redis.preset)",
          "c.yml:2:20: URL scheme \"http\" is not supported for \"url\" in source \"a\"; use redis, rediss"]),
        ("sources:\n  - {name: a, url: 'http://h'}\n  - {name: a, url: 'http://i'}\n",
         ["c.yml:3:12: duplicate source name \"a\" (first used at line 2); names become the job label and must be unique"]),
        ("sources:\n  - {name: a, url: 'http://h', interval: 5s, timeout: 10s}\n",
         ["c.yml:2:55: \"timeout\" (10s) must not be greater than the poll interval (5s) in source \"a\""]),
        ("sources:\n  - {name: a, targets: [nohost, 'h:99999']}\n",
         ["c.yml:2:25: invalid target \"nohost\": expected host:port", "c.yml:2:33: invalid target \"h:99999\": expected host:port"]),
        ("sources:\n  - {name: a, targets: 'h:1'}\n", ["c.yml:2:24: \"targets\" in source \"a\" must be a list; write [h:1]"]),
        ("sources:\n  - {name: a, url: 'http://h', targets: ['h:1']}\n",
         ["c.yml:2:41: \"url\" and \"targets\" cannot both be set in source \"a\"; use one"]),
        ("sources:\n  - {name: q, url: 'redis://h'}\n",
         ["c.yml:2:5: missing required field \"redis\" in source \"q\" (a redis source needs redis.keys, redis.scan or redis.preset)"]),
        ("sources:\n  - {name: q, url: 'redis://h', redis: {preset: celry}}\n",
         ["c.yml:2:49: invalid preset \"celry\" in redis; did you mean \"celery\"?"]),
        ("sources:\n  - {name: q, url: 'rabbitmq://h', rabbitmq: {queues: '(['}}\n",
         ["c.yml:2:55: \"queues\" in rabbitmq is not a valid regular expression: (["]),
        ("sources:\n  - {name: a, url: 'http://h', redis: {keys: [k]}}\n",
         ["c.yml:2:39: \"redis\" settings given for a source of kind prometheus; set kind: redis or remove them"]),
        ("sources:\n  - {name: a, url: 'http://h', basic_auth: {username: u, password: p, password_file: f}}\n",
         ["c.yml:2:86: only one of \"password\", \"password_file\" may be set in basic_auth"]),
        ("sources:\n  - {name: a, url: 'http://h', headers: {Authorization: x}}\n",
         ["c.yml:2:42: set the Authorization header with basic_auth or bearer_token_file, not in headers (it would be kept as plain text)"]),
        ("sources:\n  - {name: a, url: 'http://h', tls: {cert_file: c}}\n",
         ["c.yml:2:49: \"cert_file\" and \"key_file\" in tls must be given together"]),
        ("sources:\n  - {name: c, command: {argv: [a, b], shell: true}}\n",
         ["c.yml:2:31: with shell: true, \"argv\" must be a single command line, like [\"df -k | tail -1\"]"]),
        ("sources:\n  - {name: j, kind: json, url: 'http://h', json: {values: [{path: x, name: 1bad}]}}\n",
         ["c.yml:2:67: \"path\" must be a JSONPath starting with '$', like $.jvm.memory.used",
          "c.yml:2:76: invalid metric name \"1bad\": use letters, digits, '_' and ':', not starting with a digit"]),
        ("sources:\n  - {name: a, url: 'http://h', labels: {job: x}}\n",
         ["c.yml:2:40: \"labels\" in source \"a\" cannot set \"job\"; the source's name is its job label"]),
        ("sources:\n  - {name: a, url: 'http://h', sample_limit: -1, honor_labels: yes}\n",
         ["c.yml:2:46: \"sample_limit\" in source \"a\" must be between 0 and 2147483647, found -1",
          "c.yml:2:64: \"honor_labels\" in source \"a\" must be true or false, found a string"]),
        ("notifiers:\n  - kind: alertmanagr\n",
         ["c.yml:2:11: invalid kind \"alertmanagr\" in notifier 1; did you mean \"alertmanager\"?"]),
        ("notifiers:\n  - kind: webhook\n", ["c.yml:2:5: missing required field \"url\" in notifier 1"]),
        ("notifiers:\n  - {kind: log, url: 'http://h'}\n",
         ["c.yml:2:22: \"url\" applies to alertmanager and webhook notifiers, not log"]),
        ("dashboards:\n  - title: D\n    rows:\n      - panels:\n          - {title: P, type: timeseries}\n",
         ["c.yml:5:13: missing required field \"query\" in panel \"P\" (a timeseries panel needs \"query\" or \"queries\")"]),
        ("dashboards:\n  - title: D\n    rows:\n      - panels:\n          - {title: P, type: timeseris, query: up}\n",
         ["c.yml:5:30: invalid type \"timeseris\" in panel \"P\"; did you mean \"timeseries\"?"]),
        ("dashboards:\n  - title: D\n    rows:\n      - panels:\n          - {title: P, type: latency, query: up, quantiles: [0.5, 1.5], min: 2, max: 1}\n",
         ["c.yml:5:67: quantile 1.5 in panel \"P\" must be between 0 and 1",
          "c.yml:5:78: \"min\" (2.0) must be less than \"max\" (1.0) in panel \"P\""]),
        ("dashboards:\n  - title: D\n    rows:\n      - height: 0\n        panels: []\n",
         ["c.yml:4:17: \"height\" in row 1 must be a weight greater than 0 and at most 100, found 0"]),
        ("dashboards:\n  - title: D\n    rows:\n      - panels:\n          - {type: stat, query: up, thresholds: [{value: 1, colour: red}]}\n",
         ["c.yml:5:50: missing required field \"color\" in threshold 1 of panel 1",
          "c.yml:5:61: unknown field \"colour\" in threshold 1 of panel 1; did you mean \"color\"?"]),
        ("a: 1\na: 2\n", ["c.yml:2:1: duplicate key \"a\" (first defined at line 1, column 1)"]),
        ("global: {poll_interval: \"5s\"\n", ["c.yml:1:9: unterminated flow mapping: no closing '}' for this '{'"]),
    ]

    @Test(arguments: cases)
    func reportsEveryError(_ text: String, _ expected: [String]) {
        do {
            _ = try ConfigLoader.parse(text: text, file: "c.yml")
            Issue.record("expected errors: \(expected)")
        } catch {
            #expect(error.errors.map(\.description) == expected)
        }
    }

    @Test func errorsAreCollectedAcrossSections() {
        let text = "global:\n  retention: 0s\ntheme: neon\nsources:\n  - {name: a}\n"
        do {
            _ = try ConfigLoader.parse(text: text, file: "c.yml")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 3)
            #expect(error.description.split(separator: "\n").count == 3)
        }
    }
}
