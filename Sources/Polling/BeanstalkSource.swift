import Dispatch

/// Tube depths from beanstalkd over its own text protocol: `list-tubes` (unless the tubes are
/// configured), then one pipelined `stats-tube` per tube, on one connection, within one deadline.
///
/// Per tube (`system="beanstalkd"`, `queue=TUBE`): depth is `current-jobs-ready`, consumers
/// `current-watching`; extras `ready`, `reserved`, `delayed`, `buried`, `urgent`, `waiting`
/// (workers blocked in `reserve`) and `paused`; counters `enqueued` (`total-jobs`) and `deleted`
/// (`cmd-delete`). beanstalkd forgets a tube once it is empty and unused, so a configured tube
/// it does not know reads as empty (zeros), not as an error.
public struct BeanstalkSource: PollSource {
    public let host: String
    public let port: Int
    /// Empty: every tube the server lists.
    public let tubes: [String]
    public let instance: String
    /// Largest `OK <bytes>` reply accepted.
    public let replyLimit: Int

    public init(host: String, port: Int, tubes: [String] = [], replyLimit: Int = 4 << 20) throws(PollError) {
        for tube in tubes where !Self.isValidTube(tube) {
            throw PollError("invalid beanstalkd tube name \"\(BrokerHTTP.printable(tube, max: 60))\": 1 to 200 of A-Z a-z 0-9 - + / ; . $ _ ( ), not starting with -")
        }
        self.host = host
        self.port = port
        self.tubes = tubes
        self.replyLimit = replyLimit
        instance = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        let source = self
        return try await DedicatedThread.run(name: "vigil.beanstalk") { () throws(PollError) in
            try source.pollBlocking(deadline: deadline)
        }.get()
    }

    /// The whole poll on the calling thread.
    func pollBlocking(deadline: ContinuousClock.Instant) throws(PollError) -> PollPayload {
        do throws(PollError) {
            let socket = try BeanstalkSocket.connect(host: host, port: port, deadline: deadline)
            var parser = BeanstalkReplyParser(maxData: replyLimit)
            var names = tubes
            if names.isEmpty {
                let reply = try socket.roundTrip(Array("list-tubes\r\n".utf8), replyCount: 1, parser: &parser, deadline: deadline)
                guard case .data(let data)? = reply.first else { throw PollError("list-tubes: unexpected reply \(Self.describe(reply.first))") }
                names = try BeanstalkYAML.list(data).filter(Self.isValidTube)
            }
            guard !names.isEmpty else { return PollPayload(body: []) }
            let request = names.flatMap { Array("stats-tube \($0)\r\n".utf8) }
            let replies = try socket.roundTrip(request, replyCount: names.count, parser: &parser, deadline: deadline)
            var readings: [QueueReading] = []
            var counters: [QueueCounter] = []
            for (name, reply) in zip(names, replies) {
                let stats: [String: String]
                switch reply {
                case .data(let data): stats = try BeanstalkYAML.mapping(data)
                case .status("NOT_FOUND"): stats = [:]
                case .status(let s): throw PollError("stats-tube \(name): \(s)")
                }
                let (reading, tubeCounters) = Self.reading(tube: name, stats: stats)
                readings.append(reading)
                counters += tubeCounters
            }
            return PollPayload(body: QueueReading.exposition(readings) + QueueCounter.exposition(counters))
        } catch {
            throw PollError("beanstalkd at \(instance): \(error.description)")
        }
    }

    static func reading(tube: String, stats: [String: String]) -> (QueueReading, [QueueCounter]) {
        func number(_ key: String) -> Double { stats[key].flatMap(Double.init) ?? 0 }
        let extra: [(String, Double)] = [
            ("ready", number("current-jobs-ready")), ("reserved", number("current-jobs-reserved")),
            ("delayed", number("current-jobs-delayed")), ("buried", number("current-jobs-buried")),
            ("urgent", number("current-jobs-urgent")), ("waiting", number("current-waiting")),
            ("paused", number("pause-time-left") > 0 ? 1 : 0),
        ]
        let reading = QueueReading(system: "beanstalkd", queue: tube, depth: number("current-jobs-ready"),
                                   consumers: number("current-watching"), extra: extra)
        var counters = [QueueCounter(system: "beanstalkd", queue: tube, name: "enqueued", value: number("total-jobs"))]
        if stats.isEmpty || stats["cmd-delete"] != nil {
            counters.append(QueueCounter(system: "beanstalkd", queue: tube, name: "deleted", value: number("cmd-delete")))
        }
        return (reading, counters)
    }

    /// beanstalkd's tube name rule (protocol.txt: "Names"), also what keeps names from
    /// injecting protocol commands.
    static func isValidTube(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, !name.hasPrefix("-") else { return false }
        return name.utf8.allSatisfy { b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || "-+/;.$_()".utf8.contains(b)
        }
    }

    private static func describe(_ reply: BeanstalkReply?) -> String {
        switch reply {
        case .status(let s)?: return s
        case .data(let d)?: return "data of \(d.count) bytes"
        case nil: return "none"
        }
    }
}
