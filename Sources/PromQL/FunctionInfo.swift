/// A PromQL function's signature, as the parser checks calls against it.
public struct FunctionInfo: Sendable {
    public let name: String
    public let argTypes: [ValueType]
    /// 0: exactly `argTypes`; n > 0: up to n more of the last type may be omitted; -1: unlimited more.
    public let variadic: Int
    public let returnType: ValueType
    /// Works on native histograms only (out of scope for classic float data).
    public let nativeHistogramOnly: Bool

    init(_ name: String, _ args: [ValueType], _ ret: ValueType = .vector, variadic: Int = 0, native: Bool = false) {
        self.name = name
        self.argTypes = args
        self.variadic = variadic
        self.returnType = ret
        self.nativeHistogramOnly = native
    }

    /// Every function Prometheus 3.x knows, including the experimental ones its test suite enables.
    public static let all: [String: FunctionInfo] = {
        var t: [String: FunctionInfo] = [:]
        func add(_ f: FunctionInfo) { t[f.name] = f }
        let v = ValueType.vector, m = ValueType.matrix, s = ValueType.scalar, str = ValueType.string
        for n in ["abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "sin", "cos", "tan",
                  "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "deg", "rad",
                  "absent", "sort", "sort_desc", "timestamp"] {
            add(FunctionInfo(n, [v]))
        }
        for n in ["absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv",
                  "idelta", "increase", "irate", "last_over_time", "first_over_time", "mad_over_time",
                  "max_over_time", "min_over_time", "present_over_time", "rate", "resets",
                  "stddev_over_time", "stdvar_over_time", "sum_over_time", "ts_of_min_over_time",
                  "ts_of_max_over_time", "ts_of_last_over_time", "ts_of_first_over_time"] {
            add(FunctionInfo(n, [m]))
        }
        for n in ["days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year"] {
            add(FunctionInfo(n, [v], variadic: 1))
        }
        add(FunctionInfo("clamp", [v, s, s]))
        add(FunctionInfo("clamp_max", [v, s]))
        add(FunctionInfo("clamp_min", [v, s]))
        add(FunctionInfo("round", [v, s], variadic: 1))
        add(FunctionInfo("predict_linear", [m, s]))
        add(FunctionInfo("quantile_over_time", [s, m]))
        add(FunctionInfo("double_exponential_smoothing", [m, s, s]))
        add(FunctionInfo("histogram_quantile", [s, v]))
        add(FunctionInfo("histogram_fraction", [s, s, v], native: true))
        for n in ["histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar"] {
            add(FunctionInfo(n, [v], native: true))
        }
        add(FunctionInfo("label_replace", [v, str, str, str, str]))
        add(FunctionInfo("label_join", [v, str, str, str], variadic: -1))
        add(FunctionInfo("sort_by_label", [v, str], variadic: -1))
        add(FunctionInfo("sort_by_label_desc", [v, str], variadic: -1))
        add(FunctionInfo("info", [v, v], variadic: 1, native: true))
        add(FunctionInfo("pi", [], s))
        add(FunctionInfo("time", [], s))
        add(FunctionInfo("scalar", [v], s))
        add(FunctionInfo("vector", [s]))
        return t
    }()
}
