/// Key discovery with `SCAN`: iterates the cursor to the end (bounded), as Vigil does for queue
/// key patterns such as `rq:queue:*` or `bull:*:wait`.
extension RedisConnection {
    /// Keys matching `pattern` (Redis glob syntax), optionally only of one `TYPE` (`list`, `zset`,
    /// `stream`, ... Redis 6+), in first-seen order without duplicates. Stops with an error after
    /// `maxKeys` keys or `maxIterations` cursor steps so a huge keyspace cannot run unbounded.
    public func scanKeysSync(matching pattern: String, type: String? = nil, count: Int = 1000,
                             maxKeys: Int = 100_000, maxIterations: Int = 100_000) throws(RedisError) -> [String] {
        var cursor = "0"
        var seen = Set<String>()
        var keys: [String] = []
        for _ in 0..<max(maxIterations, 1) {
            var command = ["SCAN", cursor, "MATCH", pattern, "COUNT", String(max(count, 1))]
            if let type { command += ["TYPE", type] }
            let reply = try sendSync(command)
            guard let parts = reply.array, parts.count == 2, let next = parts[0].string, let batch = parts[1].array else {
                throw .unexpectedReplyType(address: endpoint.address, command: "SCAN", reply: String(describing: reply).prefix(200).description)
            }
            for item in batch {
                guard let key = item.string else {
                    throw .unexpectedReplyType(address: endpoint.address, command: "SCAN", reply: item.description)
                }
                if seen.insert(key).inserted {
                    keys.append(key)
                    if keys.count > maxKeys {
                        throw .limitExceeded(address: endpoint.address, "SCAN \(pattern) matched more than \(maxKeys) keys")
                    }
                }
            }
            if next == "0" { return keys }
            cursor = next
        }
        throw .limitExceeded(address: endpoint.address, "SCAN \(pattern) did not finish within \(maxIterations) iterations")
    }

    /// Async form of `scanKeysSync`.
    public func scanKeys(matching pattern: String, type: String? = nil, count: Int = 1000,
                         maxKeys: Int = 100_000, maxIterations: Int = 100_000) async throws(RedisError) -> [String] {
        guard !Task.isCancelled else { throw .cancelled }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[String], RedisError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(RedisError) -> [String] in
                    try self.scanKeysSync(matching: pattern, type: type, count: count, maxKeys: maxKeys, maxIterations: maxIterations)
                })
            }
        }
        return try result.get()
    }
}
