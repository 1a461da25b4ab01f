import TimeSeries

/// One element of an instant vector. `dropName` is Prometheus 3.x's delayed `__name__` removal:
/// the name stays visible to later label functions and is removed when the query finishes.
public struct VectorSample: Sendable {
    public var labels: Labels
    public var value: Double
    /// The sample's timestamp; the evaluation time except for raw selector results inside `timestamp()`.
    public var t: Int64
    var dropName = false

    public init(labels: Labels, value: Double, t: Int64) {
        self.labels = labels
        self.value = value
        self.t = t
    }

    init(labels: Labels, value: Double, t: Int64, dropName: Bool) {
        self.labels = labels
        self.value = value
        self.t = t
        self.dropName = dropName
    }
}

/// A series with several points: a range-vector value or one series of a range query result.
public struct RangeSeries: Sendable {
    public var labels: Labels
    public var samples: [Sample]
    var dropName = false

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }

    init(labels: Labels, samples: [Sample], dropName: Bool) {
        self.labels = labels
        self.samples = samples
        self.dropName = dropName
    }
}

/// A query result, typed as in Prometheus's API.
public enum QueryValue: Sendable {
    case scalar(Double, t: Int64)
    case string(String, t: Int64)
    case vector([VectorSample])
    case matrix([RangeSeries])
}

/// A value during evaluation at one timestamp.
enum Value {
    case scalar(Double)
    case string(String)
    case vector([VectorSample])
    case matrix([RangeSeries])

    var typeName: String {
        switch self {
        case .scalar: return "scalar"
        case .string: return "string"
        case .vector: return "vector"
        case .matrix: return "matrix"
        }
    }
}
