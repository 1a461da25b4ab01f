import Foundation

/// Maps the raw bytes of a series as a target writes it (`name{labels}`) to what the ingester
/// needs for it, so a series seen in an earlier scrape skips label parsing entirely, as
/// Prometheus's scrape cache does.
///
/// Targets write their series in the same order scrape after scrape, so entries are kept in the
/// order of the last scrape and the cache predicts the next series: `withExpectedKey` offers the
/// entry after the last one met, and a hit on it (`takeExpected`) costs no hashing and touches
/// only memory that is read in sequence. A series the last scrape repeated has an alias entry at
/// each later place, so repeats are predicted too. Anything else goes through an open-addressing
/// table over a hash of the bytes (`find`, `insert`). `finishScrape` drops series the scrape did
/// not see and, when the order drifted, lays the entries out again in the order just seen.
struct ScrapeCache<Value> {
    // Entries, struct of arrays, in the order of the last scrape (new series at the end).
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// The entry that stands for the series: itself, or for an alias the series' first place.
    private var canonical: [Int32] = []
    /// Per entry; meaningful for canonical entries only.
    private var lastSeen: [UInt32] = []
    private var values: [Value] = []
    /// The key bytes of every entry, back to back.
    private var arena: [UInt8] = []
    /// Open addressing over canonical entries: entry index + 1, 0 for an empty slot.
    private var table: [Int32]
    /// Number of canonical entries (distinct series).
    private(set) var count = 0

    private var generation: UInt32 = 1
    /// The entry the next series of the scrape is predicted to be.
    private var cursor = 0
    /// Canonical entries in the order the current scrape met them, repeats included. While the
    /// scrape has met exactly the entries `0..<cursor` in layout order (`inLayout`), neither this
    /// nor `lastSeen` and `seen` are kept: they are implied, and written out at the first surprise.
    private var order: [Int32] = []
    private var inLayout = true
    /// Distinct series met in the current scrape.
    private var seen = 0
    /// Series of the current scrape that were not the predicted entry.
    private(set) var mispredicted = 0

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        table = [Int32](repeating: 0, count: n)
    }

    /// Starts a scrape: predictions restart at the first entry.
    mutating func beginScrape() {
        generation = generation &+ 1
        if generation == 0 { generation = 1 }
        cursor = 0
        seen = 0
        mispredicted = 0
        inLayout = true
        order.removeAll(keepingCapacity: true)
    }

    /// Records the implied bookkeeping of the entries met in layout order so far.
    private mutating func leaveLayout() {
        inLayout = false
        for e in 0..<cursor { markSeen(Int(canonical[e])) }
    }

    /// Calls `body` with the key bytes of the predicted next series (empty when there is none).
    @inline(__always)
    func withExpectedKey<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard cursor < offsets.count else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let offset = offsets[cursor], length = lengths[cursor]
        return arena.withUnsafeBytes { a in body(UnsafeRawBufferPointer(rebasing: a[offset..<offset + length])) }
    }

    /// The predicted entry was the series: marks it seen and moves the prediction on.
    @inline(__always)
    mutating func takeExpected() -> Value {
        let e = cursor
        if !inLayout { markSeen(Int(canonical[e])) }
        cursor = e + 1
        return values[e]
    }

    @inline(__always)
    private mutating func markSeen(_ c: Int) {
        if lastSeen[c] != generation {
            lastSeen[c] = generation
            seen += 1
        }
        order.append(Int32(truncatingIfNeeded: c))
    }

    /// The value for `key`, marking it seen and predicting the entry after it next; nil when absent.
    mutating func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Value? {
        guard let e = lookup(key, hash: hash) else { return nil }
        if inLayout { leaveLayout() }
        mispredicted += 1
        // A series repeated within the scrape says nothing about what follows; keep predicting.
        if lastSeen[e] != generation { cursor = e + 1 }
        markSeen(e)
        return values[e]
    }

    private func lookup(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let t = Int(table[i])
            if t == 0 { return nil }
            let e = t - 1
            if hashes[e] == hash && lengths[e] == key.count && equal(e, key) { return e }
            i = (i + 1) & mask
        }
    }

    private func equal(_ e: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        guard let k = key.baseAddress else { return true }
        return arena.withUnsafeBytes { a in
            guard let base = a.baseAddress else { return false }
            return memcmp(base + offsets[e], k, key.count) == 0
        }
    }

    /// Adds a key known to be absent, seen in the current scrape.
    mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, value: Value) {
        if inLayout { leaveLayout() }
        if (count + 1) * 2 > table.count { rebuildTable(size: table.count * 2) }
        let e = offsets.count
        append(offset: arena.count, length: key.count, hash: hash, canonical: e, value: value)
        arena.append(contentsOf: key)
        count += 1
        place(e)
        mispredicted += 1
        markSeen(e)
    }

    private mutating func append(offset: Int, length: Int, hash: UInt64, canonical c: Int, value: Value) {
        offsets.append(offset)
        lengths.append(length)
        hashes.append(hash)
        canonical.append(Int32(truncatingIfNeeded: c))
        lastSeen.append(0)
        values.append(value)
    }

    private mutating func place(_ e: Int) {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: hashes[e]) & mask
        while table[i] != 0 { i = (i + 1) & mask }
        table[i] = Int32(truncatingIfNeeded: e + 1)
    }

    private mutating func rebuildTable(size: Int) {
        table = [Int32](repeating: 0, count: size)
        for e in 0..<offsets.count where Int(canonical[e]) == e { place(e) }
    }

    /// Ends a scrape: removes the series it did not see and returns their values. When series
    /// went or the order drifted noticeably, the entries are laid out again in the scrape's order.
    mutating func finishScrape() -> [Value] {
        if inLayout {
            if cursor == offsets.count { return [] }  // every entry met, in order
            leaveLayout()
        }
        let stale = count - seen
        if stale == 0 && mispredicted * 32 <= offsets.count { return [] }
        var dropped: [Value] = []
        dropped.reserveCapacity(stale)
        for e in 0..<offsets.count where Int(canonical[e]) == e && lastSeen[e] != generation {
            dropped.append(values[e])
        }
        let old = (offsets: offsets, lengths: lengths, hashes: hashes, values: values, arena: arena)
        offsets = []
        lengths = []
        hashes = []
        canonical = []
        lastSeen = []
        values = []
        arena = []
        offsets.reserveCapacity(order.count)
        lengths.reserveCapacity(order.count)
        hashes.reserveCapacity(order.count)
        canonical.reserveCapacity(order.count)
        lastSeen.reserveCapacity(order.count)
        values.reserveCapacity(order.count)
        arena.reserveCapacity(old.arena.count)
        // The first place of a series becomes its canonical entry, later places aliases of it.
        var placed = [Int32](repeating: -1, count: old.offsets.count)
        for o in order {
            let e = Int(o)
            let first = placed[e]
            let n = offsets.count
            if first < 0 { placed[e] = Int32(truncatingIfNeeded: n) }
            append(offset: arena.count, length: old.lengths[e], hash: old.hashes[e],
                   canonical: first < 0 ? n : Int(first), value: old.values[e])
            arena.append(contentsOf: old.arena[old.offsets[e]..<old.offsets[e] + old.lengths[e]])
        }
        for e in 0..<offsets.count where Int(canonical[e]) == e { lastSeen[e] = generation }
        count = seen
        var size = 16
        while size < count * 2 + 2 { size <<= 1 }
        rebuildTable(size: max(size, min(table.count, size * 4)))
        cursor = offsets.count
        return dropped
    }

    /// Every series' value.
    func forEach(_ body: (Value) -> Void) {
        for e in 0..<offsets.count where Int(canonical[e]) == e { body(values[e]) }
    }
}

extension ScrapeCache: Sendable where Value: Sendable {}
