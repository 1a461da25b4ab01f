import Foundation

/// Maps the raw bytes of a series as a target writes it (`name{labels}`) to what the ingester
/// needs for it, so a series seen in an earlier scrape skips label parsing entirely, as
/// Prometheus's scrape cache does.
///
/// Open addressing over one byte arena: a lookup allocates nothing. Entries not seen in the
/// latest scrape are removed by `sweep`, which rebuilds the table.
struct ScrapeCache<Value> {
    private struct Slot {
        var hash: UInt64 = 0  // 0: empty
        var offset: Int32 = 0
        var length: Int32 = 0
        var lastSeen: UInt32 = 0
    }

    private var slots: [Slot]
    private var values: [Value?]
    private var arena: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(), count: n)
        values = [Value?](repeating: nil, count: n)
    }

    /// The slot holding `key`, or nil. Marks it seen in `generation`.
    @inline(__always)
    mutating func find(_ key: UnsafeRawBufferPointer, hash: UInt64, generation: UInt32) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[i]
            if s.hash == 0 { return nil }
            if s.hash == hash && Int(s.length) == key.count && equal(s, key) {
                slots[i].lastSeen = generation
                return i
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ s: Slot, _ key: UnsafeRawBufferPointer) -> Bool {
        arena.withUnsafeBytes { a in
            guard key.count > 0 else { return true }
            return memcmp(a.baseAddress! + Int(s.offset), key.baseAddress!, key.count) == 0
        }
    }

    func value(at slot: Int) -> Value { values[slot]! }

    mutating func setValue(_ v: Value, at slot: Int) { values[slot] = v }

    /// Inserts a key known to be absent; returns its slot.
    @discardableResult
    mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, value: Value, generation: UInt32) -> Int {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let offset = arena.count
        arena.append(contentsOf: key)
        return place(Slot(hash: hash, offset: Int32(offset), length: Int32(key.count), lastSeen: generation), value)
    }

    private mutating func place(_ slot: Slot, _ value: Value) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].hash != 0 { i = (i + 1) & mask }
        slots[i] = slot
        values[i] = value
        count += 1
        return i
    }

    private mutating func grow() {
        let old = slots, oldValues = values
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        values = [Value?](repeating: nil, count: old.count * 2)
        count = 0
        for (i, s) in old.enumerated() where s.hash != 0 {
            _ = place(s, oldValues[i]!)
        }
    }

    /// Removes every entry not seen in `generation`, returning their values.
    mutating func sweep(keeping generation: UInt32) -> [Value] {
        var dropped: [Value] = []
        var stale = false
        for s in slots where s.hash != 0 && s.lastSeen != generation {
            stale = true
            break
        }
        guard stale else { return [] }
        let old = slots, oldValues = values, oldArena = arena
        slots = [Slot](repeating: Slot(), count: old.count)
        values = [Value?](repeating: nil, count: old.count)
        arena = []
        arena.reserveCapacity(oldArena.count)
        count = 0
        for (i, s) in old.enumerated() where s.hash != 0 {
            if s.lastSeen != generation {
                dropped.append(oldValues[i]!)
                continue
            }
            let offset = arena.count
            arena.append(contentsOf: oldArena[Int(s.offset)..<Int(s.offset) + Int(s.length)])
            var moved = s
            moved.offset = Int32(offset)
            _ = place(moved, oldValues[i]!)
        }
        return dropped
    }

    /// Every value with its last-seen generation.
    func forEach(_ body: (Value, UInt32) -> Void) {
        for (i, s) in slots.enumerated() where s.hash != 0 { body(values[i]!, s.lastSeen) }
    }
}

extension ScrapeCache: Sendable where Value: Sendable {}
