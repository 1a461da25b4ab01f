import RESP

/// Plain keys (`keys:` by name, `scan:` by pattern): each key's `TYPE` decides its length command.
/// Types are remembered between polls, so once known a key costs `TYPE` plus its length command in
/// a single pipelined round trip; a key whose type changed is read again in a second one.
extension RedisQueueSource {
    func readKeys(_ session: RedisPollSession, into out: inout RedisQueueExposition) async throws(PollError) {
        var names: [String] = []
        var seen = Set<String>()
        for k in keys where seen.insert(k).inserted { names.append(k) }
        let explicit = seen
        if let scan {
            for k in try await session.scan(scan) where seen.insert(k).inserted { names.append(k) }
        }
        guard !names.isEmpty else { return }

        // Round trip 1: TYPE of every key, with the length commands of its remembered type.
        let remembered = state.types(of: names)
        var commands: [[String]] = []
        var typeAt: [Int] = []
        var lengthAt: [Int] = []
        for (i, key) in names.enumerated() {
            typeAt.append(commands.count)
            commands.append(["TYPE", key])
            lengthAt.append(commands.count)
            commands += Self.lengthCommands(key, type: remembered[i])
        }
        let replies = try await session.pipeline(commands)

        var types: [String] = []
        var answers: [[RESPValue]] = Array(repeating: [], count: names.count)
        var again: [Int] = []
        for (i, key) in names.enumerated() {
            let command = commands[typeAt[i]]
            guard let type = replies[typeAt[i]].string, replies[typeAt[i]].errorMessage == nil else {
                throw session.failure(command, replies[typeAt[i]])
            }
            types.append(type)
            let wanted = Self.lengthCommands(key, type: type)
            if wanted.isEmpty { continue }
            if type == remembered[i] {
                answers[i] = Array(replies[lengthAt[i]..<lengthAt[i] + wanted.count])
            } else {
                again.append(i)
            }
        }

        // Round trip 2: keys seen for the first time or whose type changed.
        if !again.isEmpty {
            var second: [[String]] = []
            var starts: [Int] = []
            for i in again {
                starts.append(second.count)
                second += Self.lengthCommands(names[i], type: types[i])
            }
            let secondReplies = try await session.pipeline(second)
            for (n, i) in again.enumerated() {
                let count = Self.lengthCommands(names[i], type: types[i]).count
                answers[i] = Array(secondReplies[starts[n]..<starts[n] + count])
            }
        }
        var memory: [String: String] = [:]
        for (i, key) in names.enumerated() { memory[key] = types[i] }
        state.remember(memory)

        for (i, key) in names.enumerated() {
            try Self.reading(key, type: types[i], answers: answers[i], explicit: explicit.contains(key),
                             session: session, into: &out)
        }
    }

    /// The commands that measure a key of `type`; empty for types that are not queues.
    static func lengthCommands(_ key: String, type: String?) -> [[String]] {
        switch type {
        case "list": return [["LLEN", key]]
        case "zset": return [["ZCARD", key]]
        case "set": return [["SCARD", key]]
        case "hash": return [["HLEN", key]]
        case "stream": return [["XLEN", key], ["XINFO", "GROUPS", key]]
        default: return []
        }
    }

    /// One key's reading from its replies. A missing key named explicitly reads 0; a key whose type
    /// changed between `TYPE` and its length command (`WRONGTYPE`) is left out of this poll; keys of
    /// other types (strings, modules' types) are not queues and are left out.
    static func reading(_ key: String, type: String, answers: [RESPValue], explicit: Bool,
                        session: RedisPollSession, into out: inout RedisQueueExposition) throws(PollError) {
        if type == "none" {
            if explicit { out.add(QueueReading(system: "redis", queue: key, depth: 0)) }
            return
        }
        let commands = lengthCommands(key, type: type)
        guard !commands.isEmpty, answers.count == commands.count else { return }
        if answers.contains(where: { $0.errorCode == "WRONGTYPE" }) { return }
        let depth = try session.count(answers[0], for: commands[0])
        out.add(QueueReading(system: "redis", queue: key, depth: depth))
        if type == "stream" {
            for group in try streamGroups(answers[1], command: commands[1], session: session) {
                let labels = [("system", "redis"), ("queue", key), ("group", group.name)]
                out.add("consumers", labels: labels, group.consumers)
                out.add("pending", labels: labels, group.pending)
                if let lag = group.lag { out.add("lag", labels: labels, lag) }
            }
        }
    }

    struct StreamGroup: Equatable {
        var name: String
        var consumers: Double
        var pending: Double
        /// Entries not yet delivered to the group (Redis 7+; nil when Redis cannot tell).
        var lag: Double?
    }

    /// The groups of an `XINFO GROUPS` reply.
    static func streamGroups(_ reply: RESPValue, command: [String], session: RedisPollSession) throws(PollError) -> [StreamGroup] {
        guard let entries = reply.array else { throw session.failure(command, reply) }
        var groups: [StreamGroup] = []
        for entry in entries {
            guard let fields = entry.fieldMap, let name = fields["name"]?.string,
                  let consumers = fields["consumers"]?.integer, let pending = fields["pending"]?.integer else {
                throw session.failure(command, reply)
            }
            groups.append(StreamGroup(name: name, consumers: Double(consumers), pending: Double(pending),
                                      lag: fields["lag"]?.integer.map(Double.init)))
        }
        return groups
    }
}
