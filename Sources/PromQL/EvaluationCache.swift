import Synchronization

/// Shares query results between panels and rules that evaluate the same expression at the same
/// time. Keyed by the printed (canonical) expression and the evaluation time; bounded in size.
public final class EvaluationCache: Sendable {
    public struct Key: Hashable, Sendable {
        public var expression: String
        public var time: Int64

        public init(expression: String, time: Int64) {
            self.expression = expression
            self.time = time
        }
    }

    private struct State {
        var entries: [Key: QueryResult] = [:]
        var order: [Key] = []
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    public let capacity: Int

    public init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    public func value(for key: Key) -> QueryResult? {
        state.withLock { s in
            if let v = s.entries[key] {
                s.hits += 1
                return v
            }
            s.misses += 1
            return nil
        }
    }

    public func store(_ result: QueryResult, for key: Key) {
        state.withLock { s in
            if s.entries.updateValue(result, forKey: key) == nil { s.order.append(key) }
            // Evict the oldest entries once over capacity.
            if s.order.count > capacity {
                let drop = s.order.count - capacity
                for k in s.order.prefix(drop) { s.entries[k] = nil }
                s.order.removeFirst(drop)
            }
        }
    }

    /// Forgets results for evaluation times before `time` (they will not be asked for again).
    public func removeAll(before time: Int64) {
        state.withLock { s in
            s.order.removeAll { k in
                if k.time < time {
                    s.entries[k] = nil
                    return true
                }
                return false
            }
        }
    }

    public func removeAll() {
        state.withLock { s in
            s.entries = [:]
            s.order = []
        }
    }

    public var count: Int { state.withLock { $0.entries.count } }
    public var hits: Int { state.withLock { $0.hits } }
    public var misses: Int { state.withLock { $0.misses } }
}
