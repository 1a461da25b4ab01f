#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A slab allocator for chunk blocks: size classes in 8-byte steps carved from 16 KiB pages, with
/// a free list per class.
///
/// Hundreds of thousands of chunks of a few hundred bytes each would cost malloc 8 bytes of
/// header plus rounding to 16 each, and sealing (a head shrunk to size) leaves holes that keep
/// pages resident. Here a block costs its size rounded up to 8 bytes, freed blocks are reused by
/// the next block of the same class, and pages stay with the store until it goes away (they are
/// reused, not returned). Blocks above `maxPooledBytes` fall back to malloc.
///
/// Non-copyable: it owns its pages and frees them in `deinit`.
struct ChunkArena: ~Copyable {
    static let pageBytes = 16 * 1024
    static let maxPooledBytes = 2048
    private static let classCount = maxPooledBytes / 8 + 1

    /// Per class: the first free block (each free block stores the next one's address).
    private var freeLists: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    /// Per class: bump pointer and end of the class's current page.
    private var bump: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private var bumpEnd: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private var pages: [UnsafeMutableRawPointer] = []
    /// Bytes of live pooled blocks (block sizes as `blockSize` reports them).
    private(set) var pooledLiveBytes = 0

    init() {
        freeLists = .allocate(capacity: ChunkArena.classCount)
        freeLists.initialize(repeating: nil, count: ChunkArena.classCount)
        bump = .allocate(capacity: ChunkArena.classCount)
        bump.initialize(repeating: nil, count: ChunkArena.classCount)
        bumpEnd = .allocate(capacity: ChunkArena.classCount)
        bumpEnd.initialize(repeating: nil, count: ChunkArena.classCount)
    }

    deinit {
        for p in pages { Glibc_free(p) }
        freeLists.deallocate()
        bump.deallocate()
        bumpEnd.deallocate()
    }

    /// What a block of `bytes` really costs: pooled sizes rounded up to 8; malloc'd ones with
    /// glibc's 8-byte header, rounded up to 16.
    @inline(__always)
    static func blockSize(_ bytes: Int) -> Int {
        bytes <= maxPooledBytes ? (max(bytes, 8) + 7) & ~7 : (bytes + 8 + 15) & ~15
    }

    /// Frees a block that bypassed the pools (for teardown, where the pools go wholesale).
    static func releaseUnpooled(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        if bytes > maxPooledBytes { Glibc_free(p) }
    }

    /// Pages held, in bytes (live blocks, free blocks and page tails).
    var reservedBytes: Int { pages.count * ChunkArena.pageBytes }

    /// Page bytes not in live blocks: free-listed blocks and unused page tails.
    var slackBytes: Int { reservedBytes - pooledLiveBytes }

    /// A zeroed block of at least `bytes` bytes, 8-byte aligned.
    @inline(__always)
    mutating func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        guard bytes <= ChunkArena.maxPooledBytes else { return calloc(1, bytes)! }
        let size = ChunkArena.blockSize(bytes)
        pooledLiveBytes += size
        let c = size >> 3
        if let p = freeLists[c] {
            freeLists[c] = p.load(as: UnsafeMutableRawPointer?.self)
            p.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            return p
        }
        if let p = bump[c], p + size <= bumpEnd[c]! {
            bump[c] = p + size
            return p  // fresh page memory is zeroed
        }
        let page = calloc(1, ChunkArena.pageBytes)!
        pages.append(page)
        bump[c] = page + size
        bumpEnd[c] = page + ChunkArena.pageBytes
        return page
    }

    /// Returns a block obtained from `allocate(bytes)` with the same `bytes`.
    @inline(__always)
    mutating func free(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        guard bytes <= ChunkArena.maxPooledBytes else {
            Glibc_free(p)
            return
        }
        let size = ChunkArena.blockSize(bytes)
        pooledLiveBytes -= size
        let c = size >> 3
        p.storeBytes(of: freeLists[c], as: UnsafeMutableRawPointer?.self)
        freeLists[c] = p
    }
}

#if canImport(Glibc)
@inline(__always) private func Glibc_free(_ p: UnsafeMutableRawPointer) { Glibc.free(p) }
#else
@inline(__always) private func Glibc_free(_ p: UnsafeMutableRawPointer) { Darwin.free(p) }
#endif
