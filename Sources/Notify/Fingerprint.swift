import TimeSeries

/// Alertmanager's alert fingerprint (`model.LabelSet.Fingerprint` of prometheus/common): FNV-1a
/// 64 over the labels sorted by name bytes, each name and value followed by the byte 0xFF,
/// printed as 16 hex digits. The webhook payload and the command environment carry it so a
/// receiver can correlate firing and resolved notifications.
public enum Fingerprint {
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3

    public static func of(_ labels: Labels) -> UInt64 {
        let sorted = labels.pairs.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var h = offset
        for l in sorted {
            for b in l.name.utf8 { h = (h ^ UInt64(b)) &* prime }
            h = (h ^ 0xFF) &* prime
            for b in l.value.utf8 { h = (h ^ UInt64(b)) &* prime }
            h = (h ^ 0xFF) &* prime
        }
        return h
    }

    /// `%016x`.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// FNV-1a 64 of arbitrary text, for stable notifier ids.
    static func text(_ s: String) -> UInt64 {
        var h = offset
        for b in s.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}
