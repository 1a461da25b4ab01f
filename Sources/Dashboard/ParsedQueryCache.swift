import PromQL
import Synchronization

/// Parsed panel queries by their text, kept between refreshes: a dashboard asks for the same
/// expressions every second, and parsing them again (and printing the canonical form the caches
/// key on) was a good share of a refresh. Parse errors are kept too. Bounded: past `capacity`
/// texts (ad-hoc queries, Explore) it starts over.
public final class ParsedQueryCache: Sendable {
    /// A query's expression and its canonical text (the key of the range and evaluation caches).
    public struct Entry: Sendable {
        public var expr: Expr
        public var key: String
    }

    private let entries = Mutex<[String: Result<Entry, ParseError>]>([:])
    public let capacity: Int

    public init(capacity: Int = 512) {
        self.capacity = max(1, capacity)
    }

    /// The parsed form of `query` (parsed now if it was not seen before).
    public func parse(_ query: String) -> Result<Entry, ParseError> {
        if let hit = entries.withLock({ $0[query] }) { return hit }
        let result: Result<Entry, ParseError>
        do {
            let expr = try Parser.parse(query)
            result = .success(Entry(expr: expr, key: expr.description))
        } catch {
            result = .failure(error)
        }
        entries.withLock { e in
            if e.count >= capacity { e.removeAll(keepingCapacity: true) }
            e[query] = result
        }
        return result
    }

    public var count: Int { entries.withLock { $0.count } }
}
