/// A set of already well-mixed 64-bit hashes: open addressing with linear probing and no rehashing
/// of the keys (Swift's `Set` would SipHash them again). `removeAll` keeps the storage, so reuse
/// across small metric families allocates nothing once warm.
struct HashSet64 {
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private var count = 0
    private var hasZero = false

    /// Inserts `key`; returns false when it was already present.
    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == 0 {
                slots[i] = key
                count += 1
                return true
            }
            if s == key { return false }
            i = (i + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == 0 { return false }
            if s == key { return true }
            i = (i + 1) & mask
        }
    }

    /// Empties the set. Large tables are dropped rather than cleared, so many small families after
    /// one huge family cost O(1) each, not O(capacity).
    mutating func removeAll() {
        if slots.count > 1024 {
            slots = Array(repeating: 0, count: 16)
        } else if count > 0 {
            for i in slots.indices { slots[i] = 0 }
        }
        count = 0
        hasZero = false
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        count = 0
        for k in old where k != 0 { insert(k) }
    }
}
