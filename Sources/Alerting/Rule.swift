import PromQL
import TimeSeries
import YAML

/// One rule of a rule file as Prometheus reads it: a recording rule (`record`) or an alerting
/// rule (`alert`), with its expression parsed once so every evaluation reuses the AST.
public struct Rule: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case recording = "record"
        case alerting = "alert"
    }

    public var kind: Kind
    /// The `record` metric name or the `alert` name.
    public var name: String
    /// The expression as written.
    public var expr: String
    /// The parsed expression, evaluated as is at every evaluation.
    public var query: Expr
    /// `for`, in milliseconds (alerting rules).
    public var holdDuration: Int64
    /// `keep_firing_for`, in milliseconds (alerting rules).
    public var keepFiringFor: Int64
    /// The rule's own labels merged over its group's labels, sorted by name (empty values kept,
    /// since setting a label to "" removes it from the output).
    public var labels: [Label]
    /// Annotation templates, sorted by name (alerting rules).
    public var annotations: [Label]
    /// Where the rule starts in its file.
    public var mark: Mark

    public init(kind: Kind, name: String, expr: String, query: Expr, holdDuration: Int64 = 0, keepFiringFor: Int64 = 0,
                labels: [Label] = [], annotations: [Label] = [], mark: Mark = Mark(line: 1, column: 1)) {
        self.kind = kind
        self.name = name
        self.expr = expr
        self.query = query
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels.sorted { $0.name < $1.name }
        self.annotations = annotations.sorted { $0.name < $1.name }
        self.mark = mark
    }
}
