/// The colour pairs in use, allocated on demand and reference-counted by the screen cells showing
/// them. Pure: the screen does the `init_extended_pair` calls this tells it to.
///
/// ncurses' own `alloc_pair` recycles the oldest pair when the table is full, even one still on
/// screen, and redefining a visible pair recolours those cells. Here a pair is only reused once no
/// cell shows it (its count is zero), the one released longest ago first.
public struct PairTable: Sendable {
    /// A foreground/background pair of ncurses colour numbers (-1 = the terminal's own).
    public struct Colors: Hashable, Sendable {
        public var fg: Int32
        public var bg: Int32
        public init(fg: Int32, bg: Int32) { self.fg = fg; self.bg = bg }
    }

    /// Pair numbers 1...capacity can be defined; pair 0 is fixed to `zero`.
    public let capacity: Int
    public let zero: Colors
    private var numbers: [Colors: Int32] = [:]
    /// Indexed by pair number (slot 0 unused).
    private var colorsOf: [Colors?] = [nil]
    private var counts: [Int32] = [0]
    private var queued: [Bool] = [false]
    /// Pairs whose count fell to zero, oldest first (entries whose count rose again are skipped).
    private var idle: [Int32] = []
    private var idleHead = 0

    public init(capacity: Int, zero: Colors) {
        self.capacity = max(0, capacity)
        self.zero = zero
    }

    /// Pairs defined so far.
    public var defined: Int { colorsOf.count - 1 }

    /// The pair for `colors`, counted once more. `define` is true when the caller must (re)define the
    /// pair before use. nil when every pair is on screen: the caller draws with pair 0.
    public mutating func acquire(_ colors: Colors) -> (pair: Int32, define: Bool)? {
        if colors == zero { return (0, false) }
        if let n = numbers[colors] {
            counts[Int(n)] += 1
            return (n, false)
        }
        let n: Int32
        if colorsOf.count <= capacity {
            n = Int32(colorsOf.count)
            colorsOf.append(colors)
            counts.append(1)
            queued.append(false)
        } else {
            guard let victim = takeIdle() else { return nil }
            n = victim
            if let old = colorsOf[Int(n)] { numbers[old] = nil }
            colorsOf[Int(n)] = colors
            counts[Int(n)] = 1
        }
        numbers[colors] = n
        return (n, true)
    }

    /// One cell stopped showing pair `pair`.
    public mutating func release(_ pair: Int32) {
        let i = Int(pair)
        guard i > 0, i < counts.count, counts[i] > 0 else { return }
        counts[i] -= 1
        if counts[i] == 0 && !queued[i] {
            queued[i] = true
            idle.append(pair)
        }
    }

    /// The screen was cleared: no cell shows any pair (definitions are kept for reuse).
    public mutating func releaseAll() {
        idle.removeAll(keepingCapacity: true)
        idleHead = 0
        for i in 1..<max(1, counts.count) {
            counts[i] = 0
            queued[i] = true
            idle.append(Int32(i))
        }
    }

    /// How many cells show `pair`.
    public func count(_ pair: Int32) -> Int {
        let i = Int(pair)
        return i > 0 && i < counts.count ? Int(counts[i]) : 0
    }

    /// The colours pair `pair` is defined with.
    public func colors(of pair: Int32) -> Colors? {
        if pair == 0 { return zero }
        let i = Int(pair)
        return i > 0 && i < colorsOf.count ? colorsOf[i] : nil
    }

    private mutating func takeIdle() -> Int32? {
        while idleHead < idle.count {
            let n = idle[idleHead]
            idleHead += 1
            queued[Int(n)] = false
            if counts[Int(n)] == 0 {
                compactIdle()
                return n
            }
        }
        compactIdle()
        return nil
    }

    private mutating func compactIdle() {
        if idleHead > 1024 && idleHead * 2 > idle.count {
            idle.removeFirst(idleHead)
            idleHead = 0
        } else if idleHead == idle.count {
            idle.removeAll(keepingCapacity: true)
            idleHead = 0
        }
    }
}
