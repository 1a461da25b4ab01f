@testable import TimeSeries

/// Small builders shared by the store tests.
enum StoreTestSupport {
    static func labels(_ name: String, _ pairs: [String: String] = [:]) -> Labels {
        var all = pairs
        all[metricNameLabel] = name
        return Labels(all)
    }

    static func matcher(_ kind: LabelMatcher.Kind, _ name: String, _ value: String) -> LabelMatcher {
        try! LabelMatcher(kind, name, value)
    }
}
