/// The TYPE of a metric family, covering both text formats (`untyped` in 0.0.4 maps to `unknown`).
public enum MetricType: String, Sendable {
    case counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown
}
