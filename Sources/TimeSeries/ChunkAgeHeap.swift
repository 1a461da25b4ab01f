/// A binary min-heap of (chunk max time, slot) used while evicting for the memory budget, so the
/// globally oldest chunk goes first even when one series holds several old chunks.
struct ChunkAgeHeap {
    private var items: [(maxt: Int64, slot: UInt32)] = []

    init() {}

    var isEmpty: Bool { items.isEmpty }

    mutating func reserve(_ n: Int) { items.reserveCapacity(n) }

    mutating func push(_ maxt: Int64, _ slot: UInt32) {
        items.append((maxt, slot))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent].maxt <= items[i].maxt { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func popMin() -> (maxt: Int64, slot: UInt32)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].maxt < items[m].maxt { m = l }
                if r < items.count && items[r].maxt < items[m].maxt { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
