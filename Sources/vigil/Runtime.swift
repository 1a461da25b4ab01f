import Alerting
import Config
import Dashboard
import Foundation
import Notify
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
    let silenceStore: SilenceStore
    private let alertState: AlertStateKeeper?
    let stateDirectory: String
    let log: RunLog
    /// Notifiers from the config and `--alertmanager`, started with the runtime.
    let notifierConfigs: [NotifierConfig]
    let notify = NotifyHub()
    private let maintenance = Mutex<Task<Void, Never>?>(nil)
    /// Polling, recording or replaying (FeedHooks.swift); `clock` is the time the run is at.
    let feed: FeedHooks
    var clock: RuntimeClock { feed.clock }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(config: Config?, options: RuntimeOptions, log: RunLog = RunLog(echo: false)) throws {
        self.config = config
        self.log = log
        let feed = FeedHooks(options.feed)
        self.feed = feed
        let global = config?.global ?? GlobalConfig()
        store = options.store ?? SeriesStore(options: SeriesStore.Options(
            retention: global.retention.milliseconds,
            memoryLimit: options.memoryLimit ?? global.memoryLimit.map { Int($0.bytes) }), observer: feed.tap)
        scheduler = Scheduler(store: store)
        stateDirectory = StateDirectory.resolve(flag: options.stateDirectory, config: global.stateDirectory)
        var urls = options.urls
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
            }, onError: { e in
                errors.set(source.name, e.description)
                log.warn("file_sd failed", ["source": source.name, "err": e.description])
            })
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
        var notifiers = config?.notifiers ?? []
        for url in options.alertmanagers { notifiers.append(NotifierConfig(kind: .alertmanager, url: url)) }
        if options.interactive {
            // A log notifier without a file would write over the dashboard.
            let toStderr = notifiers.filter { $0.kind == .log && $0.path == nil }
            if !toStderr.isEmpty { log.warn("a log notifier without a path writes to standard error; it is off while the dashboard runs") }
            notifiers.removeAll { $0.kind == .log && $0.path == nil }
        }
        notifierConfigs = notifiers
        let resendDelay = notifiers.filter { $0.kind == .alertmanager }.map(\.resendDelay.milliseconds).min() ?? 60_000
        silenceStore = SilenceStore(path: stateDirectory + "/silences.json")
        if let e = silenceStore.loadError { log.warn(e) }
        // A replay takes its rule files from its own flags; a live run adds --rules to the config's.
        let ruleFiles = (feed.ruleFiles ?? ((config?.ruleFiles ?? []) + options.ruleFiles)).flatMap(RuleFileGlob.expand)
        if !ruleFiles.isEmpty {
            let loaded = RuleManager.load(files: ruleFiles)
            ruleErrors = loaded.errors
            let context = RuleEvaluationContext(
                store: store, evaluationInterval: global.evaluationInterval.milliseconds,
                externalLabels: Labels(global.externalLabels), resendDelay: resendDelay)
            let hub = notify
            // A replay never pages anyone: its alerts stay on the screen.
            var onEvaluation: (@Sendable (RuleGroupEvaluator, GroupEvaluation) -> Void)?
            if feed.polls {
                onEvaluation = { evaluator, evaluation in hub.submit(evaluation, from: evaluator) }
            }
            let manager = feed.makeRules(groups: loaded.groups, context: context, onEvaluation: onEvaluation)
            rules = manager
            if feed.polls {
                let keeper = AlertStateKeeper(directory: stateDirectory)
                if let e = keeper.loadError { log.warn(e) }
                // Alerts reappear once the first polls are in: allow a few poll intervals for that.
                let slowest = max(targets.map { Int64($0.interval.components.seconds) * 1000 }.max() ?? 0,
                                  global.pollInterval.milliseconds)
                manager.restore(keeper.saved, options: RestoreOptions(
                    outageTolerance: global.forOutageTolerance.milliseconds, forGracePeriod: global.forGracePeriod.milliseconds),
                    window: 3 * slowest + global.evaluationInterval.milliseconds)
                alertState = keeper
            } else {
                alertState = nil
            }
        } else {
            rules = nil
            alertState = nil
            ruleErrors = []
        }
    }

    func start() {
        if let replay = feed.replay { return replay.start(self) }
        targetSet.set("static", staticTargets)
        for part in initialDiscovered { targetSet.set(part.source, part.targets) }
        for w in watchers { w.start() }
        let dispatcher = NotificationDispatcher(
            notifiers: NotifierFactory.make(notifierConfigs),
            options: DispatcherOptions(spoolDirectory: stateDirectory + "/notify-spool"), history: notify.history)
        for p in dispatcher.startupProblems { log.warn(p) }
        notify.start(dispatcher)
        rules?.start()
        let store = self.store
        let keeper = alertState
        let rules = self.rules
        let log = self.log
        // Retention drops whole chunks; run it now and then rather than on every append. Alert
        // state is saved every few seconds when it changed.
        let task = Task.detached {
            var tick = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                if Task.isCancelled { break }
                tick += 1
                if tick % 6 == 0 { _ = store.compact(now: Int64(Date().timeIntervalSince1970 * 1000)) }
                if let keeper, let rules, let e = keeper.save(from: rules) { log.warn(e) }
            }
        }
        maintenance.withLock { $0 = task }
    }

    func stop() {
        feed.replay?.stop()
        for w in watchers { w.stop() }
        scheduler.stop()
        rules?.stop()
        notify.stop()
        maintenance.withLock { $0?.cancel() }
        if let alertState, let rules, let e = alertState.save(from: rules) { log.warn(e) }
    }

    /// Silences the alert the dashboard shows as `alertID` (its labels' text) for a while; the
    /// silence is saved in the state folder. Returns an error message when it could not be.
    func silence(_ alertID: String, for durationMs: Int64, now: Int64) -> String? {
        guard let alert = rules?.activeAlerts().first(where: { $0.labels.description == alertID }) else {
            return "that alert is no longer active"
        }
        let user = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "vigil"
        let silence = Silence.forAlert(alert.labels, id: UUID().uuidString.lowercased(), from: now, duration: durationMs,
                                       createdBy: user, comment: "silenced in the vigil dashboard")
        let error = silenceStore.add(silence)
        log.info("silence created", ["id": silence.id, "alert": alertID, "until": RunLog.timestamp(silence.endsAt)])
        for am in notifierConfigs where am.kind == .alertmanager && am.createSilences {
            let remote = Notify.Silence(matchers: silence.matchers, startsAt: silence.startsAt, endsAt: silence.endsAt, createdBy: silence.createdBy, comment: silence.comment)
            let log = self.log
            Task.detached {
                do {
                    let id = try await AlertmanagerSilences(am).create(remote)
                    log.info("silence created in Alertmanager", ["id": id, "alertmanager": Runtime.redacted(am.url)])
                } catch {
                    log.warn("cannot create the silence in Alertmanager", ["alertmanager": Runtime.redacted(am.url), "err": "\(error)"])
                }
            }
        }
        return error
    }

    func alertRows(now: Int64) -> [AlertRow] {
        let silences = silenceStore
        return AlertRows.rows(rules?.activeAlerts() ?? [], isSilenced: { silences.isSilenced($0, at: now) })
    }

    /// Thresholds of alert rules, drawn on panels that chart the same expression.
    var alertThresholds: [AlertThreshold] {
        (rules?.rules ?? []).filter { $0.kind == .alerting }.compactMap { AlertThreshold.extract(fromRule: $0.expr) }
    }

    /// A URL without user info, for logs.
    static func redacted(_ url: String?) -> String {
        guard let url, var c = URLComponents(string: url) else { return "" }
        c.user = nil
        c.password = nil
        return c.string ?? ""
    }

    static var nowMs: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// Latest error per key, readable from the UI thread while watchers write it.
final class ErrorBoard: Sendable {
    private let errors = Mutex<[String: String]>([:])

    func set(_ key: String, _ message: String) { errors.withLock { $0[key] = message } }
    var all: [String: String] { errors.withLock { $0 } }
}
