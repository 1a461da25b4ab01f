import Testing
@testable import TimeSeries

/// The store's cache of matcher-set lookups: a series created or removed after a selection must
/// show up in (or vanish from) the next one.
@Suite struct SelectionCacheTests {
    typealias S = StoreTestSupport

    static func names(_ store: SeriesStore, _ matchers: [LabelMatcher]) -> [String] {
        store.select(matchers, mint: .min, maxt: .max).map(\.labels.description)
    }

    @Test func createdSeriesAppearInTheNextSelection() {
        let store = SeriesStore()
        let a = store.getOrCreate(S.labels("up", ["job": "a"]))
        store.append(a, 10, 1)
        let byJob = [S.matcher(.regexMatch, "job", "a|b"), S.matcher(.equal, "__name__", "up")]
        let reordered = [byJob[1], byJob[0]]
        #expect(Self.names(store, byJob) == ["up{job=\"a\"}"])
        #expect(Self.names(store, reordered) == ["up{job=\"a\"}"])
        #expect(store.state.withLock { $0.selections.count } == 1)
        let b = store.getOrCreate(S.labels("up", ["job": "b"]))
        store.append(b, 10, 1)
        #expect(Self.names(store, byJob) == ["up{job=\"a\"}", "up{job=\"b\"}"])
        #expect(store.selectLatest(reordered, mint: .min, maxt: .max).count == 2)
        // An existing series looked up again changes nothing.
        _ = store.getOrCreate(S.labels("up", ["job": "b"]))
        #expect(store.state.withLock { $0.selections.count } == 1)
    }

    @Test func removedSeriesLeaveTheSelection() {
        let store = SeriesStore(options: .init(retention: 1_000))
        let old = store.getOrCreate(S.labels("up", ["job": "old"]))
        let kept = store.getOrCreate(S.labels("up", ["job": "kept"]))
        store.append(old, 0, 1)
        store.append(kept, 0, 1)
        let up = [S.matcher(.equal, "__name__", "up")]
        #expect(store.allSeries(matching: up).count == 2)
        #expect(Self.names(store, up).count == 2)
        store.compact(now: 100_000)
        store.append(kept, 200_000, 1)
        store.compact(now: 200_000)  // `old`: no samples, untouched since the last compaction
        #expect(store.seriesCount == 1)
        #expect(Self.names(store, up) == ["up{job=\"kept\"}"])
        // A new series reusing the removed one's slot is found under its own labels only.
        let other = store.getOrCreate(S.labels("down", ["job": "old"]))
        store.append(other, 300_000, 1)
        #expect(other.index == old.index)
        #expect(Self.names(store, up) == ["up{job=\"kept\"}"])
        #expect(Self.names(store, [S.matcher(.equal, "job", "old")]) == ["down{job=\"old\"}"])
    }

    @Test func boundedInEntriesAndSize() {
        let store = SeriesStore()
        for i in 0..<5_000 {
            let r = store.getOrCreate(S.labels("m", ["i": String(i), "odd": String(i % 2)]))
            store.append(r, 1, Double(i))
        }
        for i in 0..<(StoreState.selectionCapacity + 100) {
            _ = store.selectLatest([S.matcher(.equal, "i", String(i))], mint: 0, maxt: 10)
        }
        #expect(store.state.withLock { $0.selections.count } <= StoreState.selectionCapacity)
        // Too large to keep: 5,000 series.
        store.state.withLock { $0.selections.removeAll() }
        #expect(store.selectLatest([S.matcher(.equal, "__name__", "m")], mint: 0, maxt: 10).count == 5_000)
        #expect(store.state.withLock { $0.selections.isEmpty })
        #expect(store.selectLatest([S.matcher(.equal, "odd", "1")], mint: 0, maxt: 10).count == 2_500)
        #expect(store.state.withLock { $0.selections.count } == 1)
        #expect(store.memoryStats().indexBytes > 0)
    }
}

@Suite struct LabelMatcherSetTests {
    typealias S = StoreTestSupport

    @Test func keysAgreeWithSetEquality() {
        let x = S.matcher(.equal, "job", "a"), y = S.matcher(.regexMatch, "code", "5.."), z = S.matcher(.notEqual, "job", "a")
        let lists: [[LabelMatcher]] = [[x], [x, y], [y, x], [x, x, y], [x, y, y], [z], [x, z], [], [y]]
        for a in lists {
            for b in lists {
                #expect((LabelMatcherSet(a) == LabelMatcherSet(b)) == LabelMatcherSet.sameSet(a, b), "\(a) vs \(b)")
            }
        }
    }
}
