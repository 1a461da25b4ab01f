/// How a value is shown: the unit family decides the suffixes and scaling steps.
public enum Unit: String, Hashable, Sendable, CaseIterable {
    /// Plain numbers with k/M/G/T.
    case count
    /// Durations: ns, µs, ms, s, m, h, d.
    case seconds
    /// Bytes in powers of 1000: B, kB, MB, GB, TB, PB.
    case bytesSI
    /// Bytes in powers of 1024: B, KiB, MiB, GiB, TiB, PiB.
    case bytesIEC
    case bytesPerSecondSI
    case bytesPerSecondIEC
    /// A value already in percent (0...100).
    case percent
    /// A 0...1 fraction shown as percent.
    case ratio
    /// Events per second with k/M/G/T.
    case opsPerSecond
}
