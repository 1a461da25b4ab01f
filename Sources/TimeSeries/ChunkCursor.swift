/// The complete state of `ChunkDecoder` between two samples of one chunk, so decoding can stop
/// and later resume at the same place without re-reading the samples before it.
///
/// The store keeps one per queried series (`DecodeCheckpoint`): a query window that moves
/// forward, as rule evaluation's does, then decodes only its new samples instead of the chunk
/// from its start. Chunk bytes only ever grow at the end (the head is append-only, sealing copies
/// it verbatim), so a cursor taken on a chunk stays valid for as long as that chunk exists.
struct ChunkCursor: Sendable {
    /// Bit position of the next sample in the chunk's data.
    var position: Int = 0
    /// Samples decoded so far; the next one is sample `index`.
    var index: Int = 0
    /// Timestamp and value bits of sample `index - 1`.
    var t: Int64 = 0
    var vBits: UInt64 = 0
    var time = TimeModel()
    var model = ValueModel()
    var mode: UInt8 = ChunkEncoder.decimal
    var leading: UInt8 = 0
    var trailing: UInt8 = 0
}
