/// What one `SeriesStore.compact(now:)` run removed, for logging and the status view.
public struct CompactionSummary: Hashable, Sendable {
    public var droppedChunks = 0
    public var removedSeries = 0

    public init() {}
}
