import Foundation

/// The simulated services and work queues, advanced in fixed 100 ms ticks. Each tick's requests,
/// errors, latencies and jobs come from the seed and the tick number alone, so the counters at a
/// given elapsed time are the same however often they were read: tests replay the demo exactly.
struct DemoSimulation: Sendable {
    static let tickSeconds = 0.1
    static let jobs = DemoServiceModel.all.map(\.name) + ["worker"]

    struct ServiceState: Sendable {
        var model: DemoServiceModel
        /// Per route: counts by code slot (200, 4xx, 500, 503).
        var requests: [[Double]]
        /// Per route: cumulative bucket counts (the bounds of `DemoServiceModel.buckets`, then +Inf).
        var buckets: [[Double]]
        var durationSum: [Double]
        var process = ProcessState()
        var inflight = 0.0
    }

    struct ProcessState: Sendable {
        var cpuSeconds = 0.0
        var residentBytes = 0.0
        var openFDs = 0.0
    }

    struct QueueState: Sendable {
        var name: String
        var depth = 0.0
        var enqueued = 0.0
        var processed = 0.0
        var consumers: Double
        /// Jobs per consumer per second.
        var perConsumer: Double
        /// Consumers when quiet, and when scaled up for a backlog.
        var baseConsumers: Double
        var maxConsumers: Double
        /// How long the backlog has been over the scaling threshold, in seconds.
        var backlogSeconds = 0.0
        /// Arrivals and completions of the last 50 ticks (5 s), for the in/out rates.
        var recentIn = [Double](repeating: 0, count: 50)
        var recentOut = [Double](repeating: 0, count: 50)
    }

    let noise: DemoNoise
    /// Wall-clock start (`process_start_time_seconds`).
    let startEpochSeconds: Double
    private(set) var tick = 0
    private(set) var services: [ServiceState]
    private(set) var queues: [QueueState]
    private(set) var worker = ProcessState()

    init(seed: UInt64, startEpochSeconds: Double) {
        noise = DemoNoise(seed: seed)
        self.startEpochSeconds = startEpochSeconds
        services = DemoServiceModel.all.map { m in
            ServiceState(model: m, requests: m.routes.map { _ in [0, 0, 0, 0] },
                         buckets: m.routes.map { _ in [Double](repeating: 0, count: DemoServiceModel.buckets.count + 1) },
                         durationSum: m.routes.map { _ in 0 })
        }
        queues = [QueueState(name: "emails", consumers: 3, perConsumer: 8, baseConsumers: 3, maxConsumers: 5),
                  QueueState(name: "thumbnails", consumers: 2, perConsumer: 3.4, baseConsumers: 2, maxConsumers: 2)]
    }

    /// Seconds since start that the state reflects.
    var elapsed: Double { Double(tick) * Self.tickSeconds }

    /// Runs every tick up to `elapsed` seconds since start (never backwards).
    mutating func advance(to elapsed: Double) {
        guard elapsed.isFinite else { return }
        let target = Int((elapsed / Self.tickSeconds).rounded(.down))
        while tick < target {
            tick += 1
            step(tick)
        }
    }

    private mutating func step(_ k: Int) {
        let t = Double(k) * Self.tickSeconds
        let dt = Self.tickSeconds
        let incident = DemoSchedule.incident(at: t)
        for i in services.indices {
            let m = services[i].model
            let s = UInt64(i + 1) * 1000
            let wave = 1 + 0.22 * sin(2 * .pi * t / 900 + noise.phase(s + 1)) + 0.08 * sin(2 * .pi * t / 61 + noise.phase(s + 2))
            let mult = max(0.1, wave + 0.1 * (noise.uniform(s + 3, k) - 0.5))
            let e5 = incident ? m.incidentServerErrors : m.serverErrors
            let slow = (incident ? m.incidentSlowdown : 1) * (1 + 0.08 * sin(2 * .pi * t / 45 + noise.phase(s + 4)))
            let median = m.medianLatency * slow
            let mean = median * exp(m.sigma * m.sigma / 2)
            var total = 0.0
            for (r, route) in m.routes.enumerated() {
                let rs = s + UInt64(r + 1) * 10
                let n = noise.round(m.rate * mult * route.share * dt, rs + 1, k)
                let n5 = min(n, noise.round(n * e5, rs + 2, k))
                let n500 = min(n5, noise.round(n5 * 0.7, rs + 3, k))
                let n4 = min(n - n5, noise.round(n * m.clientErrors, rs + 4, k))
                services[i].requests[r][0] += n - n5 - n4
                services[i].requests[r][1] += n4
                services[i].requests[r][2] += n500
                services[i].requests[r][3] += n5 - n500
                // One draw for every bound keeps the cumulative counts monotone in `le`.
                let u = noise.uniform(rs + 5, k)
                for (j, le) in DemoServiceModel.buckets.enumerated() {
                    services[i].buckets[r][j] += min(n, (n * Self.logNormalCDF(le, median: median, sigma: m.sigma) + u).rounded(.down))
                }
                services[i].buckets[r][DemoServiceModel.buckets.count] += n
                services[i].durationSum[r] += n * mean
                total += n
            }
            services[i].process.cpuSeconds += total * m.cpuPerRequest + 0.003 * dt
            let sawtooth = (t + 40 * noise.uniform(s + 6, -1)).truncatingRemainder(dividingBy: 45) / 45
            services[i].process.residentBytes = (m.memoryBase + sawtooth * 60e6 + 2e6 * noise.uniform(s + 7, k)).rounded()
            services[i].inflight = m.rate * mult * mean
            services[i].process.openFDs = 24 + (services[i].inflight * 2).rounded()
        }
        for q in queues.indices {
            let s = UInt64(q + 1) * 100_000
            let wobble = 1 + 0.15 * sin(2 * .pi * t / 37 + noise.phase(s + 1))
            let inRate: Double
            if q == 0 {
                inRate = (DemoSchedule.surge(at: t) ? 42 : 12) * wobble
            } else {
                inRate = 6 * (1 + 0.3 * sin(2 * .pi * t / 53 + noise.phase(s + 2)))
            }
            let arrivals = noise.round(inRate * dt, s + 3, k)
            let capacity = noise.round(queues[q].consumers * queues[q].perConsumer * dt * (0.95 + 0.1 * noise.uniform(s + 4, k)), s + 5, k)
            let done = min(queues[q].depth + arrivals, capacity)
            queues[q].depth += arrivals - done
            queues[q].enqueued += arrivals
            queues[q].processed += done
            queues[q].recentIn[k % 50] = arrivals
            queues[q].recentOut[k % 50] = done
            // An autoscaler: 10 s over 1000 jobs adds consumers; an empty-ish queue sheds them.
            queues[q].backlogSeconds = queues[q].depth > 1000 ? queues[q].backlogSeconds + dt : 0
            if queues[q].backlogSeconds >= 10 { queues[q].consumers = queues[q].maxConsumers }
            if queues[q].depth < 100 { queues[q].consumers = queues[q].baseConsumers }
        }
        let busy = queues.reduce(0.0) { $0 + $1.recentOut[k % 50] }
        worker.cpuSeconds += busy * 0.012 + 0.002 * dt
        worker.residentBytes = (96e6 + queues[0].depth * 4096 + 1e6 * noise.uniform(7, k)).rounded()
        worker.openFDs = 16 + queues.reduce(0) { $0 + $1.consumers } * 2
    }

    /// P(X ≤ x) for a log-normal latency with the given median and spread.
    static func logNormalCDF(_ x: Double, median: Double, sigma: Double) -> Double {
        guard x > 0, median > 0, sigma > 0 else { return x > 0 ? 1 : 0 }
        return 0.5 * erfc(-(log(x) - log(median)) / (sigma * 2.0.squareRoot()))
    }
}
