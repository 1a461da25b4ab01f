import Testing
@testable import TimeSeries

@Suite struct SelectTests {
    typealias S = StoreTestSupport

    /// Five series; each has samples at t = 10, 20, 30.
    static func fixture() -> SeriesStore {
        let store = SeriesStore()
        let sets: [Labels] = [
            S.labels("up", ["job": "api", "instance": "a"]),
            S.labels("up", ["job": "api", "instance": "b"]),
            S.labels("up", ["job": "db", "instance": "c", "env": "prod"]),
            S.labels("http_requests_total", ["job": "api", "code": "200"]),
            S.labels("http_requests_total", ["job": "api", "code": "500", "env": "prod"]),
        ]
        for l in sets {
            let r = store.getOrCreate(l)
            for t in [10, 20, 30] { store.append(r, Int64(t), Double(t)) }
        }
        return store
    }

    static let cases: [(matchers: [(LabelMatcher.Kind, String, String)], expected: [String])] = [
        // Sorted by label pairs, as Prometheus sorts: `env` comes before `instance`.
        ([(.equal, "__name__", "up")], ["up{env=\"prod\", instance=\"c\", job=\"db\"}", "up{instance=\"a\", job=\"api\"}", "up{instance=\"b\", job=\"api\"}"]),
        ([(.equal, "__name__", "up"), (.equal, "job", "api")], ["up{instance=\"a\", job=\"api\"}", "up{instance=\"b\", job=\"api\"}"]),
        ([(.equal, "__name__", "nope")], []),
        ([(.equal, "job", "api"), (.notEqual, "__name__", "up")], ["http_requests_total{code=\"200\", job=\"api\"}", "http_requests_total{code=\"500\", env=\"prod\", job=\"api\"}"]),
        ([(.regexMatch, "code", "5..")], ["http_requests_total{code=\"500\", env=\"prod\", job=\"api\"}"]),
        ([(.regexMatch, "instance", "a|c")], ["up{env=\"prod\", instance=\"c\", job=\"db\"}", "up{instance=\"a\", job=\"api\"}"]),
        ([(.equal, "__name__", "up"), (.regexNoMatch, "instance", "a|b")], ["up{env=\"prod\", instance=\"c\", job=\"db\"}"]),
        // Empty-matching matchers select series that lack the label.
        ([(.equal, "__name__", "up"), (.equal, "env", "")], ["up{instance=\"a\", job=\"api\"}", "up{instance=\"b\", job=\"api\"}"]),
        ([(.notEqual, "env", "")], ["http_requests_total{code=\"500\", env=\"prod\", job=\"api\"}", "up{env=\"prod\", instance=\"c\", job=\"db\"}"]),
        ([(.regexMatch, "env", "prod|"), (.equal, "job", "db")], ["up{env=\"prod\", instance=\"c\", job=\"db\"}"]),
        ([(.regexMatch, "missing_label", ".+")], []),
        ([(.regexNoMatch, "job", "api|db")], []),
        ([(.notEqual, "job", "nonexistent"), (.regexMatch, "__name__", "http_.*")], ["http_requests_total{code=\"200\", job=\"api\"}", "http_requests_total{code=\"500\", env=\"prod\", job=\"api\"}"]),
    ]

    @Test(arguments: cases)
    func selection(_ spec: [(LabelMatcher.Kind, String, String)], _ expected: [String]) {
        let store = Self.fixture()
        let matchers = spec.map { S.matcher($0.0, $0.1, $0.2) }
        let got = store.select(matchers, mint: .min, maxt: .max)
        #expect(got.map(\.labels.description) == expected)
        #expect(got.allSatisfy { $0.samples.map(\.t) == [10, 20, 30] })
        #expect(store.allSeries(matching: matchers).map(\.description) == expected)
    }

    @Test(arguments: [(Int64(10), Int64(30), [Int64(10), 20, 30]), (15, 25, [20]), (20, 20, [20]), (31, 100, []), (30, 10, []), (.min, 10, [10])])
    func windowIsInclusive(mint: Int64, maxt: Int64, expected: [Int64]) {
        let store = Self.fixture()
        let got = store.select([S.matcher(.equal, "instance", "a")], mint: mint, maxt: maxt)
        #expect(got.first?.samples.map(\.t) ?? [] == expected)
        #expect(got.count == (expected.isEmpty ? 0 : 1))
    }

    @Test func labelNamesAndValues() {
        let store = Self.fixture()
        #expect(store.labelNames() == ["__name__", "code", "env", "instance", "job"])
        #expect(store.labelValues("job") == ["api", "db"])
        #expect(store.labelValues("__name__") == ["http_requests_total", "up"])
        #expect(store.labelValues("missing") == [])
        #expect(store.allSeries().count == 5)
    }
}
