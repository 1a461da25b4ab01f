/// One observation: milliseconds since the Unix epoch and a float value.
public struct Sample: Hashable, Sendable {
    public var t: Int64
    public var v: Double

    public init(t: Int64, v: Double) {
        self.t = t
        self.v = v
    }
}

/// Prometheus's staleness marker: a specific NaN that is never produced by arithmetic.
public enum StaleNaN {
    public static let bits: UInt64 = 0x7ff0_0000_0000_0002
    public static let value = Double(bitPattern: bits)

    /// True only for the marker itself, not for an ordinary NaN.
    @inline(__always)
    public static func isStale(_ v: Double) -> Bool { v.bitPattern == bits }
}
