import Foundation
import RESP

/// One poll's conversation with Redis: pipelined round trips that stop at the poll's deadline, and
/// the reading of replies into counts, with every failure turned into a `PollError` that names the
/// server and the command (never the password: `RedisError` texts carry none).
///
/// The blocking socket work runs on a thread of its own per round trip, not on Dispatch: on Linux,
/// Dispatch's worker threads are the ones Swift concurrency runs on, and a Redis server that stops
/// answering would otherwise hold them (up to the round-trip timeout) and stall every other task.
struct RedisPollSession: Sendable {
    let connection: RedisConnection
    let deadline: ContinuousClock.Instant

    /// Largest number of commands sent in one write; longer batches are split into several round
    /// trips so the request buffer stays bounded on keyspaces with many queues.
    static let maxPipeline = 8192

    var address: String { connection.endpoint.address }

    /// Sends `commands` (in round trips of at most `maxPipeline`) and returns the replies in order.
    /// Error replies come back as `.error` values; connection failures throw.
    func pipeline(_ commands: [[String]]) async throws(PollError) -> [RESPValue] {
        var replies: [RESPValue] = []
        replies.reserveCapacity(commands.count)
        var start = 0
        while start < commands.count {
            try checkDeadline()
            let end = min(start + Self.maxPipeline, commands.count)
            let batch = Array(commands[start..<end])
            let connection = self.connection
            replies += try await Self.onThread { () throws(RedisError) in try connection.pipelineSync(batch) }
            start = end
        }
        return replies
    }

    /// Keys matching a glob pattern, by `SCAN` (bounded by the RESP helper's limits).
    func scan(_ pattern: String) async throws(PollError) -> [String] {
        try checkDeadline()
        let connection = self.connection
        return try await Self.onThread { () throws(RedisError) in try connection.scanKeysSync(matching: pattern) }
    }

    /// Runs one blocking client call on a new thread and resumes the caller with its result.
    static func onThread<T: Sendable>(_ call: @escaping @Sendable () throws(RedisError) -> T) async throws(PollError) -> T {
        if Task.isCancelled { throw PollError("redis: poll cancelled") }
        let result = await DedicatedThread.run(name: "vigil.redis", call)
        do {
            return try result.get()
        } catch {
            throw PollError(error.description)
        }
    }

    func checkDeadline() throws(PollError) {
        if ContinuousClock.now >= deadline {
            throw PollError("redis \(address): poll deadline reached before the reading was complete")
        }
    }

    /// An error reply to a command whose answer the reading needs.
    func failure(_ command: [String], _ reply: RESPValue) -> PollError {
        let words = command.first == "XINFO" ? 2 : 1
        var text = command.prefix(words).joined(separator: " ")
        if command.count > words { text += " " + Self.printable(command[words]) }
        let message = reply.errorMessage ?? "unexpected reply \(String(describing: reply).prefix(120))"
        return PollError("redis \(address): \(text): \(message)")
    }

    /// A count reply (`LLEN`, `ZCARD`, `SCARD`, `HLEN`, `XLEN`, `EXISTS`...); a null reply counts 0.
    func count(_ reply: RESPValue, for command: [String]) throws(PollError) -> Double {
        if reply.isNull { return 0 }
        guard let n = reply.integer else { throw failure(command, reply) }
        return Double(n)
    }

    /// The members of a `SMEMBERS`/`LRANGE` style reply, as text.
    func strings(_ reply: RESPValue, for command: [String]) throws(PollError) -> [String] {
        if reply.isNull { return [] }
        guard let items = reply.array else { throw failure(command, reply) }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let s = item.string else { throw failure(command, reply) }
            out.append(s)
        }
        return out
    }

    /// A string reply (`LINDEX`, `HGET`); nil for a null reply.
    func optionalString(_ reply: RESPValue, for command: [String]) throws(PollError) -> String? {
        if reply.isNull { return nil }
        guard let s = reply.string else { throw failure(command, reply) }
        return s
    }

    /// A key name as shown in messages: control bytes escaped, long names cut.
    static func printable(_ key: String) -> String {
        var out = ""
        for scalar in key.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
