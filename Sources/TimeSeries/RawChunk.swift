#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One chunk as a single block: a 20-byte header followed by the encoded bits. Sealed chunks live
/// in the store's `ChunkArena`; the growing head chunk is malloc'd (it is resized, and short-lived).
///
/// Avoids Swift object and array headers per chunk (sealed chunks number in the hundreds of
/// thousands). The same layout serves the growing head chunk, whose header is filled in when it is
/// sealed and copied into an exactly sized block. Sealed chunks of a series form a singly linked list, oldest first.
///
/// Header: `next` pointer (8) · `maxt` (8) · sample count (2) · data bytes (2). The min time is
/// not stored: it is the first varint of the data.
/// Memory is owned by the store's state and freed there; this type is only a typed view.
struct RawChunk {
    let raw: UnsafeMutableRawPointer

    static let headerSize = 20

    init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    /// Bytes a sealed chunk of `dataBytes` costs in the store's `ChunkArena`. Used for the store's
    /// memory accounting.
    static func footprint(dataBytes: Int) -> Int {
        ChunkArena.blockSize(headerSize + dataBytes)
    }

    /// Bytes a head block with `dataCapacity` costs under glibc malloc: 8 bytes of chunk header,
    /// rounded up to 16, at least 32.
    static func headFootprint(dataCapacity: Int) -> Int {
        max(32, (headerSize + dataCapacity + 8 + 15) & ~15)
    }

    /// A zeroed head block with room for `dataCapacity` bytes of encoded data.
    static func allocateHead(dataCapacity: Int) -> RawChunk {
        RawChunk(calloc(1, headerSize + dataCapacity)!)
    }

    /// Grows a head chunk to `newCapacity` data bytes, zeroing the new space.
    static func grow(_ c: RawChunk, from oldCapacity: Int, to newCapacity: Int) -> RawChunk {
        let p = realloc(c.raw, headerSize + newCapacity)!
        (p + headerSize + oldCapacity).initializeMemory(as: UInt8.self, repeating: 0, count: newCapacity - oldCapacity)
        return RawChunk(p)
    }

    func freeHead() { free(raw) }

    var next: RawChunk? {
        get { UnsafeMutableRawPointer(bitPattern: raw.load(as: UInt.self)).map(RawChunk.init) }
        nonmutating set { raw.storeBytes(of: UInt(bitPattern: newValue?.raw), as: UInt.self) }
    }

    /// The first sample's timestamp, decoded from the data (`bytes` bytes of it are valid).
    func mint(bytes: Int) -> Int64 {
        var r = BitReader(UnsafeRawBufferPointer(start: data, count: bytes))
        return r.readVarint() ?? .min
    }

    var maxt: Int64 {
        get { raw.loadUnaligned(fromByteOffset: 8, as: Int64.self) }
        nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 8, as: Int64.self) }
    }

    var count: Int {
        get { Int(raw.load(fromByteOffset: 16, as: UInt16.self)) }
        nonmutating set { raw.storeBytes(of: UInt16(truncatingIfNeeded: newValue), toByteOffset: 16, as: UInt16.self) }
    }

    var dataBytes: Int {
        get { Int(raw.load(fromByteOffset: 18, as: UInt16.self)) }
        nonmutating set { raw.storeBytes(of: UInt16(truncatingIfNeeded: newValue), toByteOffset: 18, as: UInt16.self) }
    }

    var data: UnsafeMutableRawPointer { raw + RawChunk.headerSize }
}

