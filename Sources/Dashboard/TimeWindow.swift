import Config

/// The span of time the dashboard shows: a window length (`+`/`-` halve and double it) ending
/// `offset` before now (`[`/`]` scroll by half a window, `0` returns to live).
public struct TimeWindow: Hashable, Sendable {
    public static let defaultDuration: Int64 = 15 * 60_000
    public static let minimumDuration: Int64 = 60_000
    public static let maximumDuration: Int64 = 30 * 24 * 3_600_000
    /// How far back scrolling may go.
    public static let maximumOffset: Int64 = 400 * 24 * 3_600_000
    /// Query steps, smallest first: the step is the smallest that gives at most `maxPoints` points.
    static let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400]
        .map { $0 * 1000 }
    public static let maxPoints: Int64 = 240

    public var durationMs: Int64
    public var offsetMs: Int64

    public init(durationMs: Int64 = TimeWindow.defaultDuration, offsetMs: Int64 = 0) {
        self.durationMs = min(max(durationMs, Self.minimumDuration), Self.maximumDuration)
        self.offsetMs = min(max(0, offsetMs), Self.maximumOffset)
    }

    public mutating func zoomIn() { durationMs = max(Self.minimumDuration, durationMs / 2) }
    public mutating func zoomOut() { durationMs = min(Self.maximumDuration, durationMs * 2) }
    public mutating func scrollBack() { offsetMs = min(Self.maximumOffset, offsetMs + durationMs / 2) }
    public mutating func scrollForward() { offsetMs = max(0, offsetMs - durationMs / 2) }
    public mutating func goLive() { offsetMs = 0 }
    public var isLive: Bool { offsetMs == 0 }

    /// The shown span for a clock reading.
    public func range(now: Int64) -> ClosedRange<Int64> {
        let end = now - offsetMs
        return (end - durationMs)...end
    }

    /// The range query step: the smallest nice step giving at most `maxPoints` points.
    public var stepMs: Int64 {
        for s in Self.steps where durationMs / s <= Self.maxPoints { return s }
        return Self.steps[Self.steps.count - 1]
    }

    /// The window for `rate()` over counters drawn at this step: four steps, at least a minute.
    public var rateWindowMs: Int64 { max(60_000, 4 * stepMs) }

    /// `15m`, or `15m, 1h ago` when scrolled back.
    public var label: String {
        let d = PromDuration(milliseconds: durationMs).description
        return isLive ? d : "\(d), \(PromDuration(milliseconds: offsetMs).description) ago"
    }
}
