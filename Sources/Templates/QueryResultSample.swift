/// One element of a query result handed to templates by the caller's query closure; the
/// template sees it as Prometheus's `*template.sample` with `.Labels` and `.Value`.
public struct QueryResultSample: Sendable, Equatable {
    public var labels: [String: String]
    public var value: Double
    /// Milliseconds since the epoch; kept for callers, not visible to templates (as in Prometheus).
    public var timestamp: Int64

    public init(labels: [String: String], value: Double, timestamp: Int64 = 0) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }

    /// The Go-shaped value templates operate on.
    var templateValue: TemplateValue {
        .record(TemplateRecord(
            typeName: QueryResultSample.goTypeName,
            fields: [("Labels", .stringMap(labels)), ("Value", .float(value))],
            isPointer: true))
    }

    static let goTypeName = "*template.sample"
    static let resultTypeName = "template.queryResult"
}

/// Runs a PromQL query for a template (`query "expr"`), keeping the engine free of PromQL.
public typealias QueryFunction = (String) throws -> [QueryResultSample]
