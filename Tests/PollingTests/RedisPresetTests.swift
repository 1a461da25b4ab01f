import Config
import Foundation
import Testing
@testable import Polling
import RESP

/// The presets against a real redis-server with jobs put there by the real client libraries
/// (Debian's python3-celery, python3-rq, ruby-sidekiq). BullMQ (Node, not in Debian) is checked
/// against keys laid out as its v5 Lua scripts write them.
@Suite(.serialized) struct RedisPresetTests {
    static func poll(_ s: RedisQueueSource) async throws -> [String: Double] {
        redisSeries(try await s.poll(deadline: .now + .seconds(10)).body)
    }

    static func series(_ name: String, _ system: String, _ queue: String, _ more: String = "") -> String {
        "vigil_queue_\(name){system=\"\(system)\",queue=\"\(queue)\"\(more)}"
    }

    /// Runs a client script or reports why the test is skipped (returns false).
    static func ran(_ outcome: RedisTestServer.Outcome, _ test: String = #function) -> Bool {
        if case .skipped(let why) = outcome {
            print("note: \(test) skipped: \(why)")
            return false
        }
        return true
    }

    @Test func celery() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let script = """
        import os, sys
        from celery import Celery
        from kombu import Connection
        url = 'redis://127.0.0.1:%s/0' % sys.argv[1]
        plain = Celery('plain', broker=url)
        plain.send_task('tasks.add', args=(1, 2))
        plain.send_task('tasks.add', args=(3, 4))
        plain.send_task('tasks.add', args=(5, 6))
        prio = Celery('prio', broker=url)
        prio.conf.broker_transport_options = {'priority_steps': list(range(10)), 'queue_order_strategy': 'priority'}
        for p in (3, 0, 9, None, 5):
            prio.send_task('tasks.add', args=(1, 2), queue='prio', priority=p)
        colon = Celery('colon', broker=url)
        colon.conf.broker_transport_options = {'priority_steps': list(range(10)), 'sep': ':', 'queue_order_strategy': 'priority'}
        for p in (0, 7, 7):
            colon.send_task('tasks.add', args=(1, 2), queue='colon', priority=p)
        # A worker's view: take one message without acknowledging it, then die (no restore).
        with Connection(url) as c:
            m = c.SimpleQueue('celery', no_ack=False).get(timeout=5)
            sys.stdout.flush()
            os._exit(0)
        """
        guard Self.ran(try await server.python(script)) else { return }
        let keys = try await server.client().send(["KEYS", "*"]).array?.compactMap(\.string) ?? []
        #expect(keys.contains("prio\u{06}\u{16}3") && keys.contains("colon:7"), "priority lists as kombu writes them: \(keys)")

        let s = RedisQueueSource(endpoint: server.endpoint, preset: .celery)
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "celery", "celery")] == 2)
        #expect(series[Self.series("unacked", "celery", "celery")] == 1)
        #expect(series[Self.series("depth", "celery", "prio")] == 5)
        #expect(series[Self.series("unacked", "celery", "prio")] == 0)
        #expect(series[Self.series("depth", "celery", "colon")] == 3)
        #expect(series.keys.filter { $0.hasPrefix("vigil_queue_depth") }.count == 3, "\(series)")
    }

    /// A real Celery worker (solo pool) takes a job and dies while running it: the job stays in
    /// `unacked`, the rest in the queue, and the worker's remote-control queue (`celery.pidbox`
    /// binding) is not reported as a task queue.
    @Test func celeryWorker() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let script = """
        import os, sys, threading, time
        from celery import Celery
        app = Celery('w', broker='redis://127.0.0.1:%s/0' % sys.argv[1])
        @app.task(name='die')
        def die():
            os._exit(0)
        for i in range(3):
            app.send_task('die')
        threading.Thread(target=lambda: (time.sleep(25), os._exit(3)), daemon=True).start()
        app.worker_main(['worker', '--pool=solo', '--concurrency=1', '--prefetch-multiplier=1', '--loglevel=ERROR',
                         '--without-heartbeat', '--without-gossip', '--without-mingle'])
        """
        guard Self.ran(try await server.python(script)) else { return }
        let keys = try await server.client().send(["KEYS", "_kombu.binding.*"]).array?.compactMap(\.string) ?? []
        #expect(keys.contains("_kombu.binding.celery.pidbox"), "\(keys)")
        let series = try await Self.poll(RedisQueueSource(endpoint: server.endpoint, preset: .celery))
        #expect(series[Self.series("depth", "celery", "celery")] == 2)
        #expect(series[Self.series("unacked", "celery", "celery")] == 1)
        #expect(series.keys.filter { $0.contains("pidbox") }.isEmpty, "\(series)")
    }

    @Test func rq() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let script = """
        import sys
        from datetime import timedelta
        from redis import Redis
        from rq import Queue, SimpleWorker
        r = Redis(host='127.0.0.1', port=int(sys.argv[1]))
        default = Queue('default', connection=r)
        default.enqueue('os.getpid')
        default.enqueue('os.getpid')
        default.enqueue_in(timedelta(hours=1), 'os.getpid')
        default.enqueue('os.getpid', depends_on=default.enqueue_in(timedelta(hours=1), 'os.getpid'))
        fails = Queue('fails', connection=r)
        fails.enqueue('math.sqrt', -1)
        fails.enqueue('os.getpid')
        SimpleWorker([fails], connection=r).work(burst=True)
        SimpleWorker([default], connection=r, name='listener').register_birth()
        """
        guard Self.ran(try await server.python(script)) else { return }
        let s = RedisQueueSource(endpoint: server.endpoint, preset: .rq)
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "rq", "default")] == 2)
        #expect(series[Self.series("scheduled", "rq", "default")] == 2)
        #expect(series[Self.series("deferred", "rq", "default")] == 1)
        #expect(series[Self.series("consumers", "rq", "default")] == 1)
        let age = series[Self.series("oldest_age_seconds", "rq", "default")] ?? -1
        #expect(age >= 0 && age < 60, "oldest job enqueued moments ago: \(age)")
        #expect(series[Self.series("depth", "rq", "fails")] == 0)
        #expect(series[Self.series("failed", "rq", "fails")] == 1)
        #expect(series[Self.series("finished", "rq", "fails")] == 1)
        #expect(series[Self.series("started", "rq", "fails")] == 0)
        #expect(series[Self.series("consumers", "rq", "fails")] == 0, "the burst worker is gone")
        #expect(series[Self.series("oldest_age_seconds", "rq", "fails")] == 0)
    }

    @Test func sidekiq() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let script = """
        require 'sidekiq'
        require 'sidekiq/api'
        Sidekiq.logger.level = Logger::WARN
        Sidekiq.configure_client { |c| c.redis = { url: "redis://127.0.0.1:#{ARGV[0]}/0" } }
        class HardWorker
          include Sidekiq::Worker
          def perform(*args); end
        end
        Sidekiq::Client.push('class' => 'HardWorker', 'args' => [1], 'queue' => 'default')
        Sidekiq::Client.push('class' => 'HardWorker', 'args' => [2], 'queue' => 'default')
        Sidekiq::Client.push('class' => 'HardWorker', 'args' => [3], 'queue' => 'critical')
        HardWorker.perform_in(3600, 4)
        HardWorker.perform_in(7200, 5)
        Sidekiq::DeadSet.new.kill(Sidekiq.dump_json('class' => 'HardWorker', 'args' => [6], 'queue' => 'default', 'jid' => 'abc'))
        """
        guard Self.ran(try await server.ruby(script)) else { return }
        let s = RedisQueueSource(endpoint: server.endpoint, preset: .sidekiq)
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "sidekiq", "default")] == 2)
        #expect(series[Self.series("depth", "sidekiq", "critical")] == 1)
        #expect(series[Self.series("consumers", "sidekiq", "default")] == 0)
        let age = series[Self.series("oldest_age_seconds", "sidekiq", "default")] ?? -1
        #expect(age >= 0 && age < 60, "\(age)")
        #expect(series[Self.series("depth", "sidekiq", "schedule", ",set=\"schedule\"")] == 2)
        #expect(series[Self.series("depth", "sidekiq", "dead", ",set=\"dead\"")] == 1)
        #expect(series[Self.series("depth", "sidekiq", "retry", ",set=\"retry\"")] == 0)
    }

    /// A real Sidekiq process (the `sidekiq` command) registers itself: it is counted as a consumer
    /// of the queues it serves, its job in progress as `busy`, and a job that raised lands in `retry`.
    @Test func sidekiqProcess() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sidekiq") else {
            print("note: sidekiqProcess skipped: /usr/bin/sidekiq is not installed (apt-get install ruby-sidekiq)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-sidekiq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let worker = dir.appendingPathComponent("worker.rb").path
        try """
        require 'sidekiq'
        class SlowWorker
          include Sidekiq::Worker
          def perform(*args); sleep 30; end
        end
        class FailWorker
          include Sidekiq::Worker
          def perform(*args); raise 'failing on purpose'; end
        end
        """.write(toFile: worker, atomically: true, encoding: .utf8)
        let push = """
        Sidekiq.configure_client { |c| c.redis = { url: "redis://127.0.0.1:#{ARGV[0]}/0" } }
        Sidekiq::Client.push('class' => 'SlowWorker', 'args' => [1], 'queue' => 'slow')
        Sidekiq::Client.push('class' => 'FailWorker', 'args' => [2], 'queue' => 'other')
        """
        guard Self.ran(try await server.ruby(push)) else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sidekiq")
        p.arguments = ["-r", worker, "-q", "slow", "-q", "other", "-c", "2"]
        p.environment = ProcessInfo.processInfo.environment.merging(["REDIS_URL": "redis://127.0.0.1:\(server.port)/0"]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
        }
        let s = RedisQueueSource(endpoint: server.endpoint, preset: .sidekiq)
        let retry = Self.series("depth", "sidekiq", "retry", ",set=\"retry\"")
        var series: [String: Double] = [:]
        for _ in 0..<100 {  // up to 20 s for the process to boot, take the jobs and heartbeat
            series = try await Self.poll(s)
            if series[Self.series("busy", "sidekiq", "slow")] == 1 && series[retry] == 1 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(series[Self.series("consumers", "sidekiq", "slow")] == 1, "\(series)")
        #expect(series[Self.series("consumers", "sidekiq", "other")] == 1)
        #expect(series[Self.series("busy", "sidekiq", "slow")] == 1)
        #expect(series[Self.series("busy", "sidekiq", "other")] == 0)
        #expect(series[Self.series("depth", "sidekiq", "slow")] == 0)
        #expect(series[Self.series("depth", "sidekiq", "other")] == 0)
        #expect(series[retry] == 1)
        // Quieted (TSTP) processes fetch no more work: no longer consumers.
        kill(p.processIdentifier, SIGTSTP)
        for _ in 0..<50 {
            series = try await Self.poll(s)
            if series[Self.series("consumers", "sidekiq", "slow")] == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(series[Self.series("consumers", "sidekiq", "slow")] == 0, "\(series)")
    }

    /// Sidekiq with redis-namespace: every key under `NAME:`.
    @Test func sidekiqNamespace() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        _ = try await server.client().pipeline([["SADD", "app:queues", "default"], ["LPUSH", "app:queue:default", #"{"enqueued_at":1}"#],
                                              ["ZADD", "app:retry", "1", "x"]])
        let s = RedisQueueSource(endpoint: server.endpoint, preset: .sidekiq, namespace: "app")
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "sidekiq", "default")] == 1)
        #expect((series[Self.series("oldest_age_seconds", "sidekiq", "default")] ?? 0) > 1e9)
        #expect(series[Self.series("depth", "sidekiq", "retry", ",set=\"retry\"")] == 1)
    }

    /// BullMQ 5's key layout, written as its Lua scripts do (`addStandardJob`: INCR `id`, HSET
    /// the job hash with `timestamp`, HSETNX `meta` `opts.maxLenEvents`, LPUSH `wait`, ZADD
    /// `marker`; `addPrioritizedJob`: ZADD `prioritized` with score priority·2³²+counter;
    /// `moveToActive`: move to `active`; delayed/completed/failed sorted sets; pause: HSET `meta`
    /// `paused`). Node's bullmq is not in Debian, so the real library does not write them here.
    @Test func bullmq() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let now = Int(Date().timeIntervalSince1970 * 1000)
        var setup: [[String]] = []
        for id in 1...4 {
            setup += [["INCR", "bull:mail:id"],
                      ["HSET", "bull:mail:\(id)", "name", "send", "data", "{}", "opts", "{}", "timestamp", String(now - (5 - id) * 10_000),
                       "delay", "0", "priority", "0"]]
        }
        setup += [["HSETNX", "bull:mail:meta", "opts.maxLenEvents", "10000"],
                  ["LPUSH", "bull:mail:wait", "1"], ["LPUSH", "bull:mail:wait", "2"], ["ZADD", "bull:mail:marker", "0", "0"],
                  ["ZADD", "bull:mail:prioritized", String(5 * 4_294_967_296 + 1), "3"],
                  ["LPUSH", "bull:mail:active", "4"],
                  ["ZADD", "bull:mail:delayed", String(now + 60_000), "5"],
                  ["ZADD", "bull:mail:completed", String(now), "6"], ["ZADD", "bull:mail:completed", String(now), "7"],
                  ["ZADD", "bull:mail:failed", String(now), "8"],
                  ["INCR", "bull:idle:id"], ["HSETNX", "bull:idle:meta", "opts.maxLenEvents", "10000"], ["HSET", "bull:idle:meta", "paused", "1"],
                  ["INCR", "{app}:other:id"], ["LPUSH", "{app}:other:wait", "1"],
                  ["HSET", "bull:mail:metadata-like:meta", "x", "1"]]
        for reply in try await server.client().pipeline(setup) { #expect(reply.errorMessage == nil) }

        let s = RedisQueueSource(endpoint: server.endpoint, preset: .bullmq)
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "bullmq", "mail")] == 3, "wait 2 + prioritized 1")
        #expect(series[Self.series("prioritized", "bullmq", "mail")] == 1)
        #expect(series[Self.series("active", "bullmq", "mail")] == 1)
        #expect(series[Self.series("delayed", "bullmq", "mail")] == 1)
        #expect(series[Self.series("completed", "bullmq", "mail")] == 2)
        #expect(series[Self.series("failed", "bullmq", "mail")] == 1)
        #expect(series[Self.series("paused", "bullmq", "mail")] == 0)
        let age = series[Self.series("oldest_age_seconds", "bullmq", "mail")] ?? -1
        #expect(age >= 40 && age < 100, "job 1 was added 40 s ago: \(age)")
        #expect(series[Self.series("depth", "bullmq", "idle")] == 0)
        #expect(series[Self.series("paused", "bullmq", "idle")] == 1)
        #expect(series.keys.filter { $0.hasPrefix("vigil_queue_depth") }.count == 2, "\(series.keys.sorted())")

        let custom = RedisQueueSource(endpoint: server.endpoint, preset: .bullmq, namespace: "{app}")
        #expect(try await Self.poll(custom)[Self.series("depth", "bullmq", "other")] == 1)

        // BullMQ before 5 kept a "0:<delay>" marker as the last element of `wait`.
        _ = try await server.client().pipeline([["INCR", "bull:old:id"], ["LPUSH", "bull:old:wait", "9"], ["RPUSH", "bull:old:wait", "0:1000"]])
        #expect(try await Self.poll(s)[Self.series("depth", "bullmq", "old")] == 1)
    }

    /// Presets and plain keys together in one source, one exposition.
    @Test func presetWithPlainKeys() async throws {
        guard let server = try await RedisTestServer.start() else { return }
        _ = try await server.client().pipeline([["RPUSH", "jobs", "1"], ["INCR", "bull:q:id"], ["LPUSH", "bull:q:wait", "1"]])
        let s = RedisQueueSource(endpoint: server.endpoint, keys: ["jobs"], preset: .bullmq)
        let series = try await Self.poll(s)
        #expect(series[Self.series("depth", "redis", "jobs")] == 1)
        #expect(series[Self.series("depth", "bullmq", "q")] == 1)
    }

    /// An empty server gives an empty (valid) exposition for every preset.
    @Test(arguments: [RedisSourceConfig.Preset.celery, .sidekiq, .rq, .bullmq])
    func emptyServer(_ preset: RedisSourceConfig.Preset) async throws {
        guard let server = try await RedisTestServer.start() else { return }
        let s = RedisQueueSource(endpoint: server.endpoint, preset: preset)
        let series = try await Self.poll(s)
        if preset == .sidekiq {
            #expect(series.count == 3, "only the retry, schedule and dead sets: \(series)")
        } else {
            #expect(series.isEmpty, "\(series)")
        }
    }
}
