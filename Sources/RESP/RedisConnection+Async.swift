import Dispatch

/// The async front door: each call runs the blocking round trip on the connection's own dispatch
/// queue and resumes the caller when it is done, keeping the cooperative pool free.
extension RedisConnection {
    /// Sends `commands` in one round trip and returns their replies in order; error replies come
    /// back as `.error` values. See `pipelineSync`.
    public func pipeline(_ commands: [[String]]) async throws(RedisError) -> [RESPValue] {
        guard !Task.isCancelled else { throw .cancelled }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[RESPValue], RedisError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(RedisError) -> [RESPValue] in try self.pipelineSync(commands) })
            }
        }
        return try result.get()
    }

    /// Sends one command; an error reply throws `RedisError.server` with the server's text.
    public func send(_ arguments: [String]) async throws(RedisError) -> RESPValue {
        let reply = try await pipeline([arguments])[0]
        if case .error(let message) = reply { throw .server(address: endpoint.address, message: message) }
        return reply
    }

    /// Sends one command given as separate arguments: `try await redis.send("LLEN", "queue")`.
    public func send(_ arguments: String...) async throws(RedisError) -> RESPValue {
        try await send(arguments)
    }
}
