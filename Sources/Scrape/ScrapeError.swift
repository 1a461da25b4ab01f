import Exposition

/// Why a scrape was rejected as a whole. The target is then down and nothing of it is stored.
public enum ScrapeError: Error, Sendable, CustomStringConvertible, Equatable {
    case parse(ExpositionError)
    case sampleLimit(limit: Int)

    public var description: String {
        switch self {
        case .parse(let e): return "parse error: \(e)"
        case .sampleLimit(let limit): return "sample limit exceeded: more than \(limit) samples"
        }
    }

    public static func == (a: ScrapeError, b: ScrapeError) -> Bool { a.description == b.description }
}
