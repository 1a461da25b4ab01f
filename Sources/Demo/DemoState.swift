import Synchronization

/// The running simulation behind the demo's HTTP handler: the clock, the state (advanced under a
/// lock when a page is asked for) and which listener serves which job.
final class DemoState: Sendable {
    private let simulation: Mutex<DemoSimulation>
    private let jobsByAddress = Mutex<[String: String]>([:])
    let clockStart: ContinuousClock.Instant

    init(seed: UInt64, startEpochSeconds: Double) {
        simulation = Mutex(DemoSimulation(seed: seed, startEpochSeconds: startEpochSeconds))
        clockStart = ContinuousClock.now
    }

    /// Seconds since the clock started.
    var elapsed: Double {
        let d = ContinuousClock.now - clockStart
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func assign(_ job: String, to address: String) {
        jobsByAddress.withLock { $0[address] = job }
    }

    func job(at address: String) -> String? {
        jobsByAddress.withLock { $0[address] }
    }

    /// The `/metrics` page of `job` as of now.
    func page(_ job: String) -> [UInt8]? {
        let now = elapsed
        return simulation.withLock { sim in
            sim.advance(to: now)
            return sim.exposition(job)
        }
    }
}
