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
    let targets: [PollTarget]
    let rules: RuleManager?
    let ruleErrors: [String]
    private let silences = Mutex<[String: Int64]>([:])
    private let maintenance = Mutex<Task<Void, Never>?>(nil)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(config: Config?, urls: [String], memoryLimit: Int? = nil) throws {
        self.config = config
        let global = config?.global ?? GlobalConfig()
        store = SeriesStore(options: SeriesStore.Options(
            retention: global.retention.milliseconds,
            memoryLimit: memoryLimit ?? global.memoryLimit.map { Int($0.bytes) }))
        scheduler = Scheduler(store: store)
        var urls = urls
        // Nothing to watch: the local host, so the first run shows something real.
        if (config?.sources.isEmpty ?? true) && urls.isEmpty { urls = ["host://"] }
        targets = try SourceSelection.targets(config: config, urls: urls, factory: SourceFactory())
        if let config, !config.ruleFiles.isEmpty {
            let files = config.ruleFiles.flatMap(RuleFileGlob.expand)
            let loaded = RuleManager.load(files: files)
            ruleErrors = loaded.errors
            let context = RuleEvaluationContext(
                store: store, evaluationInterval: global.evaluationInterval.milliseconds,
                externalLabels: Labels(global.externalLabels))
            rules = RuleManager(groups: loaded.groups, context: context)
        } else {
            rules = nil
            ruleErrors = []
        }
    }

    func start() {
        scheduler.run(targets)
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
