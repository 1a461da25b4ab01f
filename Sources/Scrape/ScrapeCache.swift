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
    /// What a hit reads, in one place: where the key is, which series it is, the value.
    fileprivate struct Entry {
        var offset: Int
        var length: Int
        /// The entry that stands for the series: itself, or for an alias the series' first place.
        var canonical: Int
        var value: Value
    }

    // Entries in the order of the last scrape (new series at the end), with per-entry fields
    // that a hit does not read kept apart.
    private var entries: [Entry] = []
    private var hashes: [UInt64] = []
    /// Per entry; meaningful for canonical entries only.
    private var lastSeen: [UInt32] = []
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
        for e in 0..<cursor { markSeen(entries[e].canonical) }
    }

    /// Calls `body` with the key bytes of the predicted next series (empty when there is none).
    @inline(__always)
    func withExpectedKey<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard cursor < entries.count else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let offset = entries[cursor].offset, length = entries[cursor].length
        return arena.withUnsafeBytes { a in body(UnsafeRawBufferPointer(rebasing: a[offset..<offset + length])) }
    }

    /// Whether `key` is the predicted next series' key (for series the parser had to scan: an
    /// OpenMetrics scrape, or the first scrape after a change of format).
    @inline(__always)
    func isExpected(_ key: UnsafeRawBufferPointer) -> Bool {
        guard cursor < entries.count, entries[cursor].length == key.count else { return false }
        guard let k = key.baseAddress else { return true }
        let offset = entries[cursor].offset
        return arena.withUnsafeBytes { a in
            guard let base = a.baseAddress else { return false }
            return memcmp(base + offset, k, key.count) == 0
        }
    }

    /// The predicted entry was the series: marks it seen and moves the prediction on.
    @inline(__always)
    mutating func takeExpected() -> Value {
        let e = cursor
        if !inLayout { markSeen(entries[e].canonical) }
        cursor = e + 1
        return entries[e].value
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
        return entries[e].value
    }

    private func lookup(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let t = Int(table[i])
            if t == 0 { return nil }
            let e = t - 1
            if hashes[e] == hash && entries[e].length == key.count && equal(e, key) { return e }
            i = (i + 1) & mask
        }
    }

    private func equal(_ e: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        guard let k = key.baseAddress else { return true }
        return arena.withUnsafeBytes { a in
            guard let base = a.baseAddress else { return false }
            return memcmp(base + entries[e].offset, k, key.count) == 0
        }
    }

    /// Adds a key known to be absent, seen in the current scrape.
    mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, value: Value) {
        if inLayout { leaveLayout() }
        if (count + 1) * 2 > table.count { rebuildTable(size: table.count * 2) }
        let e = entries.count
        append(Entry(offset: arena.count, length: key.count, canonical: e, value: value), hash: hash)
        arena.append(contentsOf: key)
        count += 1
        place(e)
        mispredicted += 1
        markSeen(e)
    }

    private mutating func append(_ entry: Entry, hash: UInt64) {
        entries.append(entry)
        hashes.append(hash)
        lastSeen.append(0)
    }

    private mutating func place(_ e: Int) {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: hashes[e]) & mask
        while table[i] != 0 { i = (i + 1) & mask }
        table[i] = Int32(truncatingIfNeeded: e + 1)
    }

    private mutating func rebuildTable(size: Int) {
        table = [Int32](repeating: 0, count: size)
        for e in 0..<entries.count where entries[e].canonical == e { place(e) }
    }

    /// Ends a scrape: removes the series it did not see and returns their values. When series
    /// went or the order drifted noticeably, the entries are laid out again in the scrape's order.
    mutating func finishScrape() -> [Value] {
        if inLayout {
            if cursor == entries.count { return [] }  // every entry met, in order
            leaveLayout()
        }
        let stale = count - seen
        if stale == 0 && mispredicted * 32 <= entries.count { return [] }
        var dropped: [Value] = []
        dropped.reserveCapacity(stale)
        for e in 0..<entries.count where entries[e].canonical == e && lastSeen[e] != generation {
            dropped.append(entries[e].value)
        }
        let old = (entries: entries, hashes: hashes, arena: arena)
        entries = []
        hashes = []
        lastSeen = []
        arena = []
        entries.reserveCapacity(order.count)
        hashes.reserveCapacity(order.count)
        lastSeen.reserveCapacity(order.count)
        arena.reserveCapacity(old.arena.count)
        // The first place of a series becomes its canonical entry, later places aliases of it.
        var placed = [Int](repeating: -1, count: old.entries.count)
        for o in order {
            let e = Int(o)
            let from = old.entries[e]
            let n = entries.count
            if placed[e] < 0 { placed[e] = n }
            append(Entry(offset: arena.count, length: from.length, canonical: placed[e], value: from.value), hash: old.hashes[e])
            arena.append(contentsOf: old.arena[from.offset..<from.offset + from.length])
        }
        for e in 0..<entries.count where entries[e].canonical == e { lastSeen[e] = generation }
        count = seen
        var size = 16
        while size < count * 2 + 2 { size <<= 1 }
        rebuildTable(size: max(size, min(table.count, size * 4)))
        cursor = entries.count
        return dropped
    }

    /// Every series' value.
    func forEach(_ body: (Value) -> Void) {
        for e in 0..<entries.count where entries[e].canonical == e { body(entries[e].value) }
    }
}

extension ScrapeCache: Sendable where Value: Sendable {}
extension ScrapeCache.Entry: Sendable where Value: Sendable {}
