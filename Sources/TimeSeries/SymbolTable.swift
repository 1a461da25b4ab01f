/// Interned label names and values: each distinct string is stored once and series refer to it
/// by a 32-bit id. Reference-counted so strings of removed series are released and ids reused.
struct SymbolTable {
    private(set) var strings: [String] = []
    private var refCounts: [UInt32] = []
    private var ids: [String: UInt32] = [:]
    private var freeIDs: [UInt32] = []

    /// Number of live symbols.
    var count: Int { ids.count }

    func id(of s: String) -> UInt32? { ids[s] }

    subscript(id: UInt32) -> String { strings[Int(id)] }

    /// The id of `s`, creating it if new, and takes one reference.
    mutating func intern(_ s: String) -> UInt32 {
        if let id = ids[s] {
            refCounts[Int(id)] += 1
            return id
        }
        let id: UInt32
        if let reused = freeIDs.popLast() {
            id = reused
            strings[Int(id)] = s
            refCounts[Int(id)] = 1
        } else {
            id = UInt32(strings.count)
            strings.append(s)
            refCounts.append(1)
        }
        ids[s] = id
        return id
    }

    /// Drops one reference; the string is forgotten when none remain.
    mutating func release(_ id: UInt32) {
        let i = Int(id)
        guard i < refCounts.count, refCounts[i] > 0 else { return }
        refCounts[i] -= 1
        if refCounts[i] == 0 {
            ids[strings[i]] = nil
            strings[i] = ""
            freeIDs.append(id)
        }
    }

    func references(_ id: UInt32) -> Int { Int(refCounts[Int(id)]) }

    /// Approximate heap bytes: string storage beyond the 15-byte inline form, arrays, dictionary.
    var estimatedBytes: Int {
        var total = strings.capacity * 16 + refCounts.capacity * 4 + freeIDs.capacity * 4
        total += ids.capacity * (16 + 4) * 4 / 3
        for s in strings where s.utf8.count > 15 { total += 32 + s.utf8.count }
        return total
    }
}
