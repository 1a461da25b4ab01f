#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One chunk as a single malloc'd block: a 20-byte header followed by the encoded bits.
///
/// Avoids Swift object and array headers per chunk (sealed chunks number in the hundreds of
/// thousands). The same layout serves the growing head chunk, whose header is filled in when it is
/// sealed and shrunk to size. Sealed chunks of a series form a singly linked list, oldest first.
///
/// Header: `next` pointer (8) · `maxt` (8) · sample count (2) · data bytes (2). The min time is
/// not stored: it is the first varint of the data.
/// Memory is owned by the store's state and freed there; this type is only a typed view.
struct RawChunk {
    let raw: UnsafeMutableRawPointer

    static let headerSize = 20

    init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    /// A zeroed block with room for `dataCapacity` bytes of encoded data.
    static func allocate(dataCapacity: Int) -> RawChunk {
        RawChunk(calloc(1, headerSize + dataCapacity)!)
    }

    /// Grows a head chunk to `newCapacity` data bytes, zeroing the new space.
    static func grow(_ c: RawChunk, from oldCapacity: Int, to newCapacity: Int) -> RawChunk {
        let p = realloc(c.raw, headerSize + newCapacity)!
        (p + headerSize + oldCapacity).initializeMemory(as: UInt8.self, repeating: 0, count: newCapacity - oldCapacity)
        return RawChunk(p)
    }

    /// Shrinks a finished head chunk to exactly its data.
    static func shrink(_ c: RawChunk, toData bytes: Int) -> RawChunk {
        RawChunk(realloc(c.raw, headerSize + bytes) ?? c.raw)
    }

    func free() { Glibc_free(raw) }

    /// Bytes a block of `dataBytes` really costs under glibc malloc: 8 bytes of chunk header,
    /// rounded up to 16, at least 32. Used for the store's memory accounting.
    static func footprint(dataBytes: Int) -> Int {
        max(32, (headerSize + dataBytes + 8 + 15) & ~15)
    }

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

#if canImport(Glibc)
@inline(__always) private func Glibc_free(_ p: UnsafeMutableRawPointer) { Glibc.free(p) }
#else
@inline(__always) private func Glibc_free(_ p: UnsafeMutableRawPointer) { Darwin.free(p) }
#endif
