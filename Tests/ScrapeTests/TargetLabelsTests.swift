import Testing
import TimeSeries
@testable import Scrape

/// Target labels merged into scraped ones, as `honor_labels` defines.
@Suite struct TargetLabelsTests {
    static let target = TargetLabels(Labels(["job": "j", "instance": "i:1"]))

    @Test func unionWithoutClashes() {
        let got = Self.target.apply(to: [Label("__name__", "up"), Label("a", "1"), Label("z", "")])
        #expect(got == Labels(["__name__": "up", "a": "1", "job": "j", "instance": "i:1"]))
    }

    @Test func unionOfUnsortedOrUnicodeNames() {
        let scraped = [Label("__name__", "up"), Label("zeta", "1"), Label("alpha", "2"), Label("é", "3"), Label("e\u{301}x", "4")]
        #expect(Self.target.apply(to: scraped) == Labels(scraped + Self.target.labels.pairs))
        let sorted = [Label("__name__", "up"), Label("a", ""), Label("b", "2"), Label("k", "3")]
        let got = Self.target.apply(to: sorted)
        #expect(got == Labels(sorted + Self.target.labels.pairs))
        #expect(got.pairs.map(\.name) == ["__name__", "b", "instance", "job", "k"])
    }

    @Test func clashesAreExportedOrHonored() {
        let scraped = [Label("__name__", "up"), Label("exported_job", "e"), Label("job", "mine")]
        // `exported_job` is taken, so the clashing `job` goes one prefix further (Prometheus's rule).
        #expect(Self.target.apply(to: scraped) == Labels([
            "__name__": "up", "exported_job": "e", "exported_exported_job": "mine", "job": "j", "instance": "i:1",
        ]))
        let honored = TargetLabels(Self.target.labels, honorLabels: true).apply(to: scraped)
        #expect(honored == Labels(["__name__": "up", "exported_job": "e", "job": "mine", "instance": "i:1"]))
        // An empty scraped value is an absent label: the target's wins without an exported_ copy.
        #expect(Self.target.apply(to: [Label("__name__", "up"), Label("job", "")])
            == Labels(["__name__": "up", "job": "j", "instance": "i:1"]))
    }
}
