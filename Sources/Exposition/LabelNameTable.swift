/// Finds a repeated label name within one label set in linear time. Small sets are compared pairwise;
/// large ones go through an open-addressing table whose storage is reused across series, so the
/// steady state allocates nothing and a hostile line with a million labels stays linear.
struct LabelNameTable {
    private var slots: [Int32] = []
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0

    /// The label index (in `bounds`, four offsets per label) of the first name seen before, or nil.
    mutating func firstDuplicate(_ base: UnsafePointer<UInt8>, _ bounds: [Int]) -> Int? {
        let count = bounds.count / 4
        if count < 2 { return nil }
        if count <= 8 {
            for j in 1..<count {
                let bj = bounds[4 * j]
                for i in 0..<j {
                    let bi = bounds[4 * i]
                    if base[bi] != base[bj] && base[bi] != UInt8(ascii: "\\") && base[bj] != UInt8(ascii: "\\") { continue }
                    if EscapedBytes.equal(base, bi..<bounds[4 * i + 1], bj..<bounds[4 * j + 1]) { return j }
                }
            }
            return nil
        }
        var capacity = max(slots.count, 32)
        while capacity < count * 2 { capacity *= 2 }
        if capacity != slots.count {
            slots = Array(repeating: 0, count: capacity)
            stamps = Array(repeating: 0, count: capacity)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            for k in stamps.indices { stamps[k] = 0 }
            generation = 1
        }
        let mask = capacity - 1
        for j in 0..<count {
            let r = bounds[4 * j]..<bounds[4 * j + 1]
            var slot = Int(truncatingIfNeeded: EscapedBytes.hash(base, r)) & mask
            while stamps[slot] == generation {
                let i = Int(slots[slot])
                if EscapedBytes.equal(base, bounds[4 * i]..<bounds[4 * i + 1], r) { return j }
                slot = (slot + 1) & mask
            }
            stamps[slot] = generation
            slots[slot] = Int32(truncatingIfNeeded: j)
        }
        return nil
    }
}
