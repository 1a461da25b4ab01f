import Arguments
import Config
import Exposition
import Foundation
import Polling
import TimeSeries

/// `vigil poll`: polls every source once and prints what each produced, canonically.
enum PollCommand {
    static func run(_ args: ParsedArguments) async -> ExitCode {
        var config: Config?
        if args.value("config") != nil || args.positionals.isEmpty {
            switch ConfigSelection.load(flag: args.value("config")) {
            case .failed(let errors):
                for e in errors.errors { printError(e.description) }
                return .usage
            case .loaded(let c, _): config = c
            case .none:
                if args.positionals.isEmpty {
                    return Vigil.usage(UsageError("no config file found and no source URL given", command: "vigil poll"))
                }
            }
        }
        var timeout: Duration?
        if let t = args.value("timeout") {
            guard case .success(let d) = PromDuration.parse(t), !d.isZero else {
                return Vigil.usage(UsageError("invalid --timeout '\(t)'", command: "vigil poll"))
            }
            timeout = .milliseconds(d.milliseconds)
        }
        let targets: [PollTarget]
        do {
            targets = try SourceSelection.targets(config: config, urls: args.positionals, factory: SourceFactory())
        } catch {
            printError("vigil poll: \(error)")
            return .usage
        }
        let store = SeriesStore(retention: 3_600_000)
        let pollTimeout = timeout
        let outcomes = await withTaskGroup(of: (Int, TargetPoller.Outcome).self) { group in
            for (i, t) in targets.enumerated() {
                group.addTask {
                    var poller = TargetPoller(target: t, store: store)
                    return (i, await poller.poll(deadline: .now + (pollTimeout ?? t.timeout)))
                }
            }
            var all: [(Int, TargetPoller.Outcome)] = []
            for await r in group { all.append(r) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var out = StandardOutput()
        var down = 0
        for (target, outcome) in zip(targets, outcomes) {
            if let e = outcome.error {
                down += 1
                out.flush()
                printError("\(target.job) \(target.instance): \(e)")
            }
            let matchers = [try? LabelMatcher(.equal, "job", target.job), try? LabelMatcher(.equal, "instance", target.instance)]
            for s in store.select(matchers.compactMap { $0 }, mint: outcome.timestamp, maxt: outcome.timestamp) {
                guard let last = s.samples.last, !StaleNaN.isStale(last.v) else { continue }
                out.write(Self.line(s.labels, last.v))
            }
        }
        out.flush()
        return down == 0 ? .success : .failure
    }

    /// `name{a="b",...} value`, as `vigil parse` prints a sample.
    static func line(_ labels: Labels, _ v: Double) -> String {
        let rest = labels.pairs.filter { $0.name != metricNameLabel }
        var s = labels.metricName
        if !rest.isEmpty {
            s += "{" + rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ",") + "}"
        }
        return s + " " + GoFloat.format(v)
    }
}
