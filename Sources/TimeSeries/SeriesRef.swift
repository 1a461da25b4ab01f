/// A small handle to a series in a `SeriesStore`: slot index plus a generation.
///
/// Slots are reused after a series is removed, but the generation is bumped, so an old ref held
/// by a caller never reaches the new series: the store reports it as unknown instead.
public struct SeriesRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    init(index: UInt32, generation: UInt32) {
        rawValue = UInt64(generation) << 32 | UInt64(index)
    }

    var index: UInt32 { UInt32(truncatingIfNeeded: rawValue) }
    var generation: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 32) }

    public static func < (a: SeriesRef, b: SeriesRef) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "series#\(index).\(generation)" }
}
