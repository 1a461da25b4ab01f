import Alerting
import Config
import Foundation
import Polling
import TimeSeries

/// `vigil run --headless`: sources, rules and notifiers with no terminal. Logs go to standard
/// error as logfmt; SIGTERM and SIGINT stop it with status 0, SIGHUP reloads the config (a bad
/// config keeps the running one). Target and alert changes are logged as they happen.
enum HeadlessRun {
    static func run(configFlag: String?, options: RuntimeOptions, listen: String?) -> ExitCode {
        let log = RunLog(echo: true)
        let signals = SignalWaiter()
        defer { signals.cancel() }
        var runtime: Runtime
        switch RunCommand.makeRuntime(configFlag: configFlag, options: options, log: log) {
        case .failure(let e):
            printError(e.description)
            return .usage
        case .success(let r): runtime = r
        }
        for e in runtime.ruleErrors { log.error("rule file failed to load", ["err": e]) }
        runtime.start()
        var endpoint: SelfEndpoint?
        if let listen {
            do {
                endpoint = try SelfEndpoint(listen: listen, runtime: runtime)
            } catch {
                log.error("cannot serve --listen", ["addr": listen, "err": error.description])
                runtime.stop()
                return .failure
            }
        }
        defer { endpoint?.stop() }
        log.info("vigil started", [
            "version": VigilVersion.string, "config": runtime.config?.file ?? "none",
            "targets": String(runtime.targets.count), "rule_groups": String(runtime.rules?.evaluators.count ?? 0),
            "state_dir": runtime.stateDirectory, "listen": endpoint?.address ?? "none",
        ])
        var watch = TransitionWatch()
        loop: while true {
            switch signals.wait(timeout: .seconds(1)) {
            case .terminate:
                log.info("received a stop signal, shutting down")
                break loop
            case .reload:
                var o = options
                o.store = runtime.store
                switch RunCommand.makeRuntime(configFlag: configFlag, options: o, log: log) {
                case .failure(let e):
                    log.error("reload failed, keeping the running config", ["err": e.description])
                case .success(let fresh):
                    runtime.stop()
                    runtime = fresh
                    endpoint?.use(fresh)
                    for e in runtime.ruleErrors { log.error("rule file failed to load", ["err": e]) }
                    runtime.start()
                    log.info("config reloaded", ["targets": String(runtime.targets.count)])
                }
            case nil: break
            }
            watch.check(runtime, log: log)
        }
        runtime.stop()
        if let e = options.feed.close() { log.error(e) }
        log.info("vigil stopped")
        return .success
    }
}

/// Remembers what was last logged about targets and alerts, so only changes are logged.
struct TransitionWatch {
    private var targets: [String: Bool] = [:]
    private var alerts: [String: AlertState] = [:]

    mutating func check(_ runtime: Runtime, log: RunLog) {
        for s in runtime.scheduler.statuses() {
            guard let up = s.up else { continue }
            let key = s.job + "\u{0}" + s.instance
            if targets[key] != up {
                if up {
                    log.info("target up", ["job": s.job, "instance": s.instance])
                } else {
                    log.warn("target down", ["job": s.job, "instance": s.instance, "err": s.lastError ?? ""])
                }
                targets[key] = up
            }
        }
        guard let rules = runtime.rules else { return }
        var seen: [String: AlertState] = [:]
        for a in rules.activeAlerts() {
            let key = a.labels.description
            seen[key] = a.state
            if alerts[key] != a.state {
                log.info("alert \(a.state.description)", ["alert": a.labels["alertname"], "labels": key])
            }
        }
        for (key, state) in alerts where seen[key] == nil && state != .inactive {
            log.info("alert inactive", ["labels": key])
        }
        alerts = seen
    }
}
