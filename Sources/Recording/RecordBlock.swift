import TimeSeries

/// One decoded block of a recording: what one ingest batch (or one rule evaluation, or one
/// metadata change) wrote, stamped with the wall-clock time it was written at.
public struct RecordBlock: Sendable {
    /// One sample; `series` numbers a label set within the block's file (`RecordReader.labels(ofSeries:)`).
    public struct Sample: Sendable, Hashable {
        public var series: Int
        public var t: Int64
        /// The value's raw bits (staleness markers and NaN payloads exact).
        public var bits: UInt64

        public var value: Double { Double(bitPattern: bits) }
    }

    /// A metric family's metadata as the store was given it.
    public struct Metadata: Sendable, Hashable {
        public var metric: String
        public var meta: MetricMetadata
    }

    /// One rule group evaluation of the recorded run, with the alerts whose state changed.
    public struct Evaluation: Sendable, Hashable {
        public var group: RecordedGroup
        public var time: Int64
        public var transitions: [RecordedAlert]
    }

    /// Wall-clock time (ms) the block was written at; never decreases within one writer's files.
    public var time: Int64
    /// Index into `RecordReader.files` of the file the block came from.
    public var file: Int
    /// Byte offset of the block's frame in that file.
    public var offset: Int64
    public var samples: [Sample] = []
    public var metadata: [Metadata] = []
    public var evaluations: [Evaluation] = []
}
