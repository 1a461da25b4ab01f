extension StoreState {
    /// Most matcher sets whose results `selections` keeps; it is emptied when full.
    static let selectionCapacity = 512
    /// Results with more slots than this are not kept (selecting them costs far more than
    /// finding them).
    static let maxSelectionSlots = 4096

    /// `matchingSlots`, answered from `selections` while no series came or went since the same
    /// matchers were last resolved (dashboards and rule groups repeat their selectors).
    mutating func cachedMatchingSlots(_ matchers: [LabelMatcher]) -> [Int] {
        let key = LabelMatcherSet(matchers)
        if let hit = selections[key] { return hit }
        let found = matchingSlots(matchers)
        if found.count <= StoreState.maxSelectionSlots {
            if selections.count >= StoreState.selectionCapacity { selections.removeAll(keepingCapacity: true) }
            selections[key] = found
        }
        return found
    }

    /// Slots of live series matching every matcher, via the inverted index.
    func matchingSlots(_ matchers: [LabelMatcher]) -> [Int] {
        var plans = matchers.map { MatcherPlan($0, symbols) }
        var candidates: [UInt32]?
        // Smallest equality posting list first; then one index-backed union of values.
        var best: [UInt32]?
        for p in plans where p.matcher.kind == .equal && !p.matchesEmpty {
            guard let n = p.nameSymbol, let v = p.valueSymbol, let list = postings[n]?[v] else { return [] }
            if best == nil || list.count < best!.count { best = list }
        }
        candidates = best
        if candidates == nil, let k = plans.firstIndex(where: { !$0.matchesEmpty }) {
            guard let n = plans[k].nameSymbol, let values = postings[n] else { return [] }
            var union: [UInt32] = []
            for (v, list) in values where plans[k].matches(valueSymbol: v, symbols) { union += list }
            candidates = union
        }
        var out: [Int] = []
        if let candidates {
            for c in candidates where accept(Int(c), &plans) { out.append(Int(c)) }
        } else {
            for i in slots.indices where slots[i].live && accept(i, &plans) { out.append(i) }
        }
        return out
    }

    private func accept(_ i: Int, _ plans: inout [MatcherPlan]) -> Bool {
        let s = slots[i]
        for k in plans.indices {
            let v = plans[k].nameSymbol.flatMap { s.valueSymbol(forName: $0) }
            let ok = v.map { plans[k].matches(valueSymbol: $0, symbols) } ?? plans[k].matchesEmpty
            if !ok { return false }
        }
        return true
    }

    /// Copies the chunks of slot `i` that overlap `mint...maxt`.
    func snapshot(_ i: Int, mint: Int64, maxt: Int64) -> SeriesSnapshot {
        var snap = SeriesSnapshot(labels: labels(ofSlot: i))
        guard mint <= maxt else { return snap }
        var c = slots[i].oldest
        while let chunk = c {
            if chunk.mint(bytes: chunk.dataBytes) > maxt { return snap }
            if chunk.maxt >= mint { snap.add(chunk.data, byteCount: chunk.dataBytes, samples: chunk.count) }
            c = chunk.next
        }
        if let head = slots[i].head {
            let e = slots[i].encoder
            if head.mint(bytes: e.byteCount) <= maxt && e.t >= mint { snap.add(head.data, byteCount: e.byteCount, samples: Int(e.count)) }
        }
        return snap
    }

    func labelNames() -> [String] {
        postings.keys.map { symbols[$0] }.sorted()
    }

    func labelValues(_ name: String) -> [String] {
        guard let n = symbols.id(of: name), let values = postings[n] else { return [] }
        return values.keys.map { symbols[$0] }.sorted()
    }
}

/// A matcher resolved against the symbol table, with regex results cached per value symbol
/// (a query tests the same few values across many series).
struct MatcherPlan {
    let matcher: LabelMatcher
    let nameSymbol: UInt32?
    let valueSymbol: UInt32?
    let matchesEmpty: Bool
    private var cache: [UInt32: Bool] = [:]

    init(_ m: LabelMatcher, _ symbols: SymbolTable) {
        matcher = m
        nameSymbol = symbols.id(of: m.name)
        valueSymbol = symbols.id(of: m.value)
        matchesEmpty = m.matchesEmpty
    }

    mutating func matches(valueSymbol v: UInt32, _ symbols: SymbolTable) -> Bool {
        switch matcher.kind {
        case .equal: return v == valueSymbol
        case .notEqual: return v != valueSymbol
        case .regexMatch, .regexNoMatch:
            if let hit = cache[v] { return hit }
            let r = matcher.matches(symbols[v])
            cache[v] = r
            return r
        }
    }
}
