/// How to turn a JSON document into samples: one metric per JSONPath.
public struct JSONSourceConfig: Hashable, Sendable {
    /// One extracted value.
    public struct Value: Hashable, Sendable {
        public enum MetricType: String, Hashable, Sendable, CaseIterable { case gauge, counter, untyped }

        public var path: String
        public var name: String
        public var labels: [String: String] = [:]
        public var type: MetricType = .gauge
        /// String values to numbers (`{UP: 1, DOWN: 0}`); the key `"*"` catches every other string.
        public var map: [String: Double] = [:]
    }

    public var values: [Value]
}
