/// The on-disk layout of a recording, in one place.
///
/// A file is a 12-byte header — the magic `VIGILREC`, a little-endian u16 version and two
/// reserved bytes — then blocks. A block is framed as a u32 payload length, a u32 CRC-32C of the
/// payload (both little-endian) and the payload. A payload starts with the block's wall-clock time
/// (zigzag varint, ms) and holds records, each a type byte and a body:
///
/// - `series`: varint id (the next unused one), varint label count, then name and value symbols.
/// - `samples`: varint count, then per sample a zigzag varint of `id - (previous id + 1)`, a tag
///   byte, a zigzag varint time delta from the previous sample (only when the tag's high bit is
///   set; the first is relative to the block time) and the value: tag 0 repeats the series'
///   previous value, 1 is Prometheus's staleness marker, 2 an integer delta (zigzag varint) from
///   the previous value when both are integers, 3 + 8·lead + trail the previous value's bits
///   XOR'd, stored as the `8 - lead - trail` bytes between `lead` leading and `trail` trailing zero
///   bytes (big-endian). A series starts from the value 0.0; stale markers leave it unchanged.
/// - `metadata`: metric symbol, type byte, help and unit symbols.
/// - `group`: varint id, name and file symbols, zigzag interval (ms).
/// - `evaluation`: group id, zigzag evaluation time minus block time, varint count, then per alert
///   whose state changed a series id (its label set) and a state byte.
///
/// A symbol is a varint: 0 then a length-prefixed UTF-8 string that becomes the next symbol, or
/// k > 0 for symbol k - 1. Symbols, series and groups are numbered per file, so each file (the
/// current one and every rotated one) reads on its own.
public enum RecordFormat {
    public static let magic: [UInt8] = Array("VIGILREC".utf8)
    public static let version: UInt16 = 1
    public static let headerSize = 12
    public static let frameHeaderSize = 8
    /// Largest block payload a reader accepts.
    public static let maxPayload = 16 << 20
    /// The writer starts a new block once a payload passes this size.
    static let targetPayload = 1 << 20

    // Per-file bounds, so a hostile file cannot make a reader allocate without limit.
    static let maxLabelsPerSeries = 4096
    static let maxStringBytes = 1 << 20
    static let maxSeries = 1 << 22
    static let maxSymbols = 1 << 22
    static let maxLabelPairs = 1 << 23
    static let maxGroups = 1 << 16

    enum Record: UInt8 {
        case series = 1
        case samples = 2
        case metadata = 3
        case group = 4
        case evaluation = 5
    }
}
