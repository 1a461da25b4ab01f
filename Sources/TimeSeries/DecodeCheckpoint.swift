/// Where the last query of one series could have started decoding: a `ChunkCursor` just before
/// the query window, in the chunk whose first timestamp is `chunkMint`.
///
/// Rule evaluation and dashboard refreshes ask for windows that slide forward a little each
/// time; with the checkpoint, the next window decodes from there instead of from the chunk's
/// first sample. It names its chunk by min time, which is unique within a series (timestamps
/// only grow, chunks are dropped oldest first), and is valid while the slot keeps `generation`.
struct DecodeCheckpoint {
    var generation: UInt32
    var chunkMint: Int64
    /// The chunk's block when it is sealed (sealed blocks never move); nil for the head, whose
    /// block moves when it grows or is sealed.
    var sealed: UnsafeMutableRawPointer?
    var cursor: ChunkCursor

    /// Approximate bytes one checkpoint costs in the store's dictionary.
    static let estimatedBytes = (MemoryLayout<UInt32>.stride + MemoryLayout<DecodeCheckpoint>.stride) * 4 / 3
}
