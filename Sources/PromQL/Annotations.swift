/// Warnings and infos a query produced, worded as Prometheus's `annotations` package words them
/// (`PromQL warning: ... (1:5)`), deduplicated in order of first appearance.
public struct Annotations: Sendable {
    public enum Level: Sendable { case warning, info }

    public struct Annotation: Sendable, Hashable {
        public var level: Level
        public var message: String
    }

    public private(set) var items: [Annotation] = []
    private var seen: Set<Annotation> = []

    public init() {}

    public var warnings: [String] { items.filter { $0.level == .warning }.map(\.message) }
    public var infos: [String] { items.filter { $0.level == .info }.map(\.message) }

    mutating func add(_ level: Level, _ text: String, query: String, position: Int) {
        let loc = ParseError(position: position, message: "", query: query).location
        let prefix = level == .warning ? "PromQL warning: " : "PromQL info: "
        let a = Annotation(level: level, message: "\(prefix)\(text) (\(loc))")
        if seen.insert(a).inserted { items.append(a) }
    }

    mutating func merge(_ other: Annotations) {
        for a in other.items where seen.insert(a).inserted { items.append(a) }
    }
}
