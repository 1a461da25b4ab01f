/// Everything the store keeps for one series, held inline in the store's slot array so the append
/// hot path touches one contiguous record and no reference-counted objects.
///
/// The raw memory it points to (label ids, chunks) is owned by `StoreState`, which frees it when
/// the series is removed or the store goes away.
struct SeriesSlot {
    // Fields ordered so the small ones pack into the encoder's tail padding.
    var encoder = ChunkEncoder()
    var live = false
    /// Set by appends and creation, cleared by each compaction; a series without samples is
    /// only removed when it was not touched since the previous compaction.
    var touched = false
    /// True once any sample was appended; the encoder then holds the last timestamp and value.
    var hasLast = false
    /// Number of label pairs; `labels` holds 2 × this many symbol ids (name, value, ...).
    var labelCount: UInt16 = 0
    /// Data bytes of the last sealed chunk: the size a new head starts at, so a steady series
    /// allocates its head once instead of growing it step by step.
    var lastChunkBytes: UInt16 = 0
    /// Data capacity of `head` in bytes (its sample count and bit length live in `encoder`).
    var headCapacity: UInt16 = 0
    /// Bumped on removal so stale `SeriesRef`s stop matching.
    var generation: UInt32 = 0
    var labels: UnsafeMutablePointer<UInt32>?
    /// The chunk being appended to.
    var head: RawChunk?
    /// Sealed chunks, a linked list from oldest to newest.
    var oldest: RawChunk?
    var newest: RawChunk?

    /// The value symbol for `name`, scanning the (short) sorted pair list.
    @inline(__always)
    func valueSymbol(forName name: UInt32) -> UInt32? {
        guard let labels else { return nil }
        for i in 0..<Int(labelCount) where labels[2 * i] == name { return labels[2 * i + 1] }
        return nil
    }

    var hasSamples: Bool { head != nil || oldest != nil }
}
