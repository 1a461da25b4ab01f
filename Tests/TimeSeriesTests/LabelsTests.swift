import Testing
@testable import TimeSeries

@Suite struct LabelsTests {
    @Test func sortsAndDropsEmpty() {
        let l = Labels([Label("b", "2"), Label("a", "1"), Label("c", "")])
        #expect(l.pairs.map(\.name) == ["a", "b"])
        #expect(l["a"] == "1")
        #expect(l["c"] == "")
    }

    @Test func description() {
        let l = Labels(["__name__": "up", "job": "a\"b"])
        #expect(l.description == "up{job=\"a\\\"b\"}")
    }

    @Test(arguments: [
        ("foo|bar", "foo", true), ("foo|bar", "foobar", false), ("f.*", "fx", true),
        ("f.*", "xf", false), ("", "", true), ("a.b", "a\nb", true),
    ])
    func anchoredRegex(pattern: String, input: String, expected: Bool) throws {
        #expect(try AnchoredRegex(pattern).matches(input) == expected)
    }

    @Test func staleMarker() {
        #expect(StaleNaN.isStale(StaleNaN.value))
        #expect(!StaleNaN.isStale(.nan))
    }
}
