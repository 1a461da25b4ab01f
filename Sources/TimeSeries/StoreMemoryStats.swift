/// A cheap account of the store's memory, for the status view and for checking the
/// bytes-per-sample target. Chunk figures are exact (tracked incrementally, with glibc's
/// per-block overhead); the rest are estimates from container sizes.
public struct StoreMemoryStats: Hashable, Sendable {
    public var seriesCount = 0
    public var sealedChunkCount = 0
    public var headChunkCount = 0
    public var sampleCount = 0
    /// malloc footprint of all chunk blocks (headers, encoded data, head slack).
    public var chunkBytes = 0
    /// Chunk arena pages not holding live chunks (freed blocks awaiting reuse, page tails).
    public var chunkSlackBytes = 0
    /// Slot array, label id buffers, series hash map, postings, symbol table: estimated.
    public var indexBytes = 0
    public var evictedChunks = 0

    public init() {}

    public var chunkCount: Int { sealedChunkCount + headChunkCount }
    public var estimatedTotalBytes: Int { chunkBytes + chunkSlackBytes + indexBytes }
    public var bytesPerSample: Double {
        sampleCount == 0 ? 0 : Double(estimatedTotalBytes) / Double(sampleCount)
    }
}
