import Alerting
import Config
import Dashboard
import Foundation
import Polling
import Synchronization
import TimeSeries

/// Everything a run needs behind the screen: the store, the poll scheduler, the rule manager
/// and silences, built from the config and the command line. Shared by the dashboard,
/// `vigil snapshot` and (later) the headless daemon.
final class Runtime: Sendable {
    let config: Config?
    let store: SeriesStore
    let scheduler: Scheduler
    /// Static targets plus the ones file_sd found at start (the set changes as files change).
    let targets: [PollTarget]
    let rules: RuleManager?
    private let targetSet: FileSDTargetSet
    private let watchers: [FileSDWatcher]
    private let staticTargets: [PollTarget]
    private let initialDiscovered: [(source: String, targets: [PollTarget])]
    /// The latest file_sd errors, by source, for the UI.
    let discoveryErrors = ErrorBoard()
    let ruleErrors: [String]
    private let silences = Mutex<[String: Int64]>([:])
    private let maintenance = Mutex<Task<Void, Never>?>(nil)
    /// Polling, recording or replaying (FeedHooks.swift); `clock` is the time the run is at.
    let feed: FeedHooks
    var clock: RuntimeClock { feed.clock }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(config: Config?, urls: [String], memoryLimit: Int? = nil, feed: RuntimeFeed = .poll) throws {
        self.config = config
        let feed = FeedHooks(feed)
        self.feed = feed
        let global = config?.global ?? GlobalConfig()
        store = SeriesStore(options: SeriesStore.Options(
            retention: global.retention.milliseconds,
            memoryLimit: memoryLimit ?? global.memoryLimit.map { Int($0.bytes) }), observer: feed.tap)
        scheduler = Scheduler(store: store)
        var urls = urls
        // Nothing to watch: the local host, so the first run shows something real.
        if feed.polls && (config?.sources.isEmpty ?? true) && urls.isEmpty { urls = ["host://"] }
        let factory = SourceFactory()
        let staticTargets = feed.polls ? try SourceSelection.targets(config: config, urls: urls, factory: factory) : []
        self.staticTargets = staticTargets
        let scheduler = self.scheduler
        let set = FileSDTargetSet { scheduler.run($0) }
        targetSet = set
        var watchers: [FileSDWatcher] = []
        var discovered: [(source: String, targets: [PollTarget])] = []
        let errors = discoveryErrors
        for source in feed.polls ? config?.sources ?? [] : [] {
            guard let sd = source.fileSD else { continue }
            let watcher = FileSDWatcher(config: sd, onChange: { groups in
                if let t = try? factory.targets(for: source, discovered: groups) { set.set(source.name, t) }
            }, onError: { e in errors.set(source.name, e.description) })
            do {
                discovered.append((source.name, try factory.targets(for: source, discovered: watcher.refresh(force: true))))
            } catch {
                throw Failure(description: "\(error)")
            }
            watchers.append(watcher)
        }
        self.watchers = watchers
        initialDiscovered = discovered
        targets = staticTargets + discovered.flatMap(\.targets)
        if let ruleFiles = feed.ruleFiles ?? config?.ruleFiles, !ruleFiles.isEmpty {
            let files = ruleFiles.flatMap(RuleFileGlob.expand)
            let loaded = RuleManager.load(files: files)
            ruleErrors = loaded.errors
            let context = RuleEvaluationContext(
                store: store, evaluationInterval: global.evaluationInterval.milliseconds,
                externalLabels: Labels(global.externalLabels))
            rules = feed.makeRules(groups: loaded.groups, context: context)
        } else {
            rules = nil
            ruleErrors = []
        }
    }

    func start() {
        if let replay = feed.replay { return replay.start(self) }
        targetSet.set("static", staticTargets)
        for part in initialDiscovered { targetSet.set(part.source, part.targets) }
        for w in watchers { w.start() }
        rules?.start()
        let store = self.store
        // Retention drops whole chunks; run it now and then rather than on every append.
        let task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(30))
                _ = store.compact(now: Int64(Date().timeIntervalSince1970 * 1000))
            }
        }
        maintenance.withLock { $0 = task }
    }

    func stop() {
        feed.replay?.stop()
        for w in watchers { w.stop() }
        scheduler.stop()
        rules?.stop()
        maintenance.withLock { $0?.cancel() }
    }

    func silence(_ alertID: String, for durationMs: Int64, now: Int64) {
        silences.withLock { $0[alertID] = now + durationMs }
    }

    func alertRows(now: Int64) -> [AlertRow] {
        AlertRows.rows(rules?.activeAlerts() ?? [], silencedUntil: silences.withLock { $0 }, now: now)
    }

    /// Thresholds of alert rules, drawn on panels that chart the same expression.
    var alertThresholds: [AlertThreshold] {
        (rules?.rules ?? []).filter { $0.kind == .alerting }.compactMap { AlertThreshold.extract(fromRule: $0.expr) }
    }

    static var nowMs: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// Latest error per key, readable from the UI thread while watchers write it.
final class ErrorBoard: Sendable {
    private let errors = Mutex<[String: String]>([:])

    func set(_ key: String, _ message: String) { errors.withLock { $0[key] = message } }
    var all: [String: String] { errors.withLock { $0 } }
}
