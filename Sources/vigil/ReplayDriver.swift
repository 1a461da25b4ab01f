import Alerting
import Foundation
import Recording
import Synchronization
import TimeSeries

/// Feeds a runtime's store from a recording instead of its sources, at the recorded times
/// (scaled by the speed), and evaluates the rules at the replayed clock: groups the recording
/// ran are evaluated exactly when the recorded run evaluated them (its evaluation records), so
/// a replay fires the same alerts at the same times; other groups (a new rule) on their own
/// interval, before the first block written after each tick. `--from` loads a warm-up window
/// before the start without evaluating, so range functions and `for` clauses have data.
///
/// Runs on a thread of its own under the dashboard, or on the caller's for `--alerts`. The
/// stop flag is atomic and the outcome sits behind a `Mutex`.
final class ReplayDriver: Sendable {
    struct Settings: Sendable {
        var path: String
        /// Recorded milliseconds per wall millisecond; nil replays as fast as possible.
        var speed: Double? = 1
        var from: ReplayTime.Start?
        /// Data loaded before `from` without evaluating rules (ms).
        var warmup: Int64 = 10 * 60_000
        /// Rule files that replace the config's, nil to use the config's.
        var ruleFiles: [String]?
    }

    struct Summary: Sendable {
        var blocks = 0
        var samples = 0
        var rejected = 0
        var evaluations = 0
        var first: Int64?
        var last: Int64?
        var dropped: [RecordReader.DroppedTail] = []
    }

    let settings: Settings
    let clock: RuntimeClock
    private let stopping = Atomic<Bool>(false)
    private let result = Mutex<Result<Summary, RecordingError>?>(nil)

    init(settings: Settings, recordingStart: Int64) {
        self.settings = settings
        clock = .replay(start: settings.from?.resolve(recordingStart: recordingStart) ?? recordingStart)
    }

    /// How the replay ended; nil while it runs.
    var outcome: Result<Summary, RecordingError>? { result.withLock { $0 } }

    /// Replays on a thread of its own until the recording ends or `stop()`.
    func start(_ runtime: Runtime) {
        let thread = Thread { [self] in
            let r: Result<Summary, RecordingError>
            do throws(RecordingError) {
                r = .success(try run(runtime, onTransition: { _, _ in }))
            } catch {
                r = .failure(error)
            }
            result.withLock { $0 = r }
        }
        thread.name = "vigil.replay"
        thread.start()
    }

    func stop() { stopping.store(true, ordering: .relaxed) }

    /// Replays the whole recording on the calling thread; `onTransition` gets each alert state
    /// change with its evaluation time.
    func run(_ runtime: Runtime, onTransition: (Int64, RecordedAlert) -> Void) throws(RecordingError) -> Summary {
        let reader = try RecordReader(path: settings.path)
        var summary = Summary()
        guard let first = try reader.startTime() else { return summary }
        let from = settings.from?.resolve(recordingStart: first)
        if let from { try reader.seek(to: from &- max(0, settings.warmup)) }
        var schedule = ReplaySchedule(evaluators: runtime.rules?.evaluators ?? [], origin: from ?? first)
        let tracker = AlertTransitionTracker()
        let store = runtime.store
        let pacer = ReplayPacer(origin: from ?? first, speed: settings.speed, clock: clock)
        var refs: [SeriesRef?] = []
        var refsFile = -1
        var lastCompaction = from ?? first

        func evaluate(_ e: RuleGroupEvaluator, at ts: Int64) {
            clock.set(ts)
            e.eval(at: ts)
            summary.evaluations += 1
            for t in tracker.update(e) { onTransition(ts, t) }
        }

        while let block = try reader.next() {
            if stopping.load(ordering: .relaxed) { break }
            let warming = from.map { block.time < $0 } ?? false
            schedule.recordedGroups(reader.groups, file: block.file)
            if !warming {
                guard pacer.wait(until: block.time, stop: stopping) else { break }
                while let (e, ts) = schedule.nextTick(before: block.time) { evaluate(e, at: ts) }
            }
            if block.file != refsFile {
                refs = []
                refsFile = block.file
            }
            if !block.samples.isEmpty {
                let outcome = store.appendBatch { a in
                    for s in block.samples {
                        if s.series >= refs.count { refs += [SeriesRef?](repeating: nil, count: s.series - refs.count + 1) }
                        let ref = refs[s.series] ?? store.getOrCreate(reader.labels(ofSeries: s.series))
                        refs[s.series] = ref
                        a.append(ref, s.t, s.value)
                    }
                }
                summary.samples += block.samples.count
                summary.rejected += outcome.rejected
            }
            for m in block.metadata { store.setMetadata(m.metric, m.meta) }
            if !warming {
                for ev in block.evaluations {
                    if let e = schedule.recordedEvaluator(ev.group) { evaluate(e, at: ev.time) }
                }
            }
            clock.set(block.time)
            summary.blocks += 1
            summary.first = summary.first ?? block.time
            summary.last = block.time
            // Retention, as the live run's maintenance task does it, on the replayed clock.
            if block.time &- lastCompaction >= 300_000 {
                _ = store.compact(now: block.time)
                lastCompaction = block.time
                refs = []  // retention may have removed series: look them up again

            }
        }
        if !stopping.load(ordering: .relaxed), let last = summary.last {
            while let (e, ts) = schedule.nextTick(before: last &+ 1) { evaluate(e, at: ts) }
        }
        summary.dropped = reader.dropped
        return summary
    }
}
