import Testing
@testable import TimeSeries

@Suite struct ConcurrencyTests {
    typealias S = StoreTestSupport

    /// Four writers append to their own series in batches while two readers select and compact;
    /// every sample written must be readable afterwards, in order.
    @Test func writersAndReaders() async {
        let store = SeriesStore(options: .init(retention: 1 << 40))
        let writers = 4, seriesPerWriter = 100, scrapes = 200
        await withTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                group.addTask {
                    let refs = (0..<seriesPerWriter).map {
                        store.getOrCreate(S.labels("m", ["writer": String(w), "i": String($0)]))
                    }
                    var app = store.appender()
                    for s in 0..<scrapes {
                        for r in refs { app.append(r, Int64(s) * 15_000, Double(s)) }
                        let summary = app.commit()
                        #expect(summary.appended == seriesPerWriter)
                    }
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    for k in 0..<50 {
                        let got = store.select([S.matcher(.regexMatch, "writer", "1|2")], mint: 0, maxt: .max)
                        for series in got {
                            #expect(zip(series.samples, series.samples.dropFirst()).allSatisfy { $0.t < $1.t })
                        }
                        _ = store.labelValues("i")
                        if k % 10 == 0 { store.compact(now: 0) }
                        await Task.yield()
                    }
                }
            }
        }
        #expect(store.seriesCount == writers * seriesPerWriter)
        let all = store.select([S.matcher(.equal, "__name__", "m")], mint: .min, maxt: .max)
        #expect(all.count == writers * seriesPerWriter)
        #expect(all.allSatisfy { $0.samples.count == scrapes && $0.samples.last == Sample(t: Int64(scrapes - 1) * 15_000, v: Double(scrapes - 1)) })
    }
}
