/// A pull parser over one scrape body in the Prometheus text format 0.0.4 or OpenMetrics 1.0.
///
/// `next()` walks the bytes in place: a series entry records offsets, value and timestamp and
/// allocates nothing, so a scrape cache can look `seriesRange` up and only ask for `labels()` or
/// `metricName` on a miss. Errors carry the line and column of the offending byte.
public struct ExpositionParser {
    let storage: ByteStorage
    let base: UnsafePointer<UInt8>
    /// End of the meaningful bytes (the text format gets a terminating newline appended, as in Prometheus).
    let end: Int
    let format: ExpositionFormat
    let options: ExpositionOptions

    var pos = 0
    var line = 1
    var lineStart = 0
    var finished = false

    // The current series.
    var seriesStart = 0
    var seriesEnd = 0
    var nameStart = -1
    var nameEnd = -1
    /// Four offsets per label: name start, name end, value start, value end (raw, inside any quotes).
    var labelBounds: [Int] = []
    var currentValue: Double = 0
    var currentTimestamp: Int64? = nil
    var duplicateCheck = LabelNameTable()
    /// The current series was taken by `next(expecting:)` without scanning its labels.
    var expectedMatched = false
    /// `nameStart`, `nameEnd` and `labelBounds` do not describe the current series yet.
    var labelsPending = false

    // The current metadata or comment line.
    /// Where the metric name of a HELP/TYPE/UNIT line starts, its opening quote included.
    var metaTokenStart = 0
    var metaNameStart = 0
    var metaNameEnd = 0
    var textStart = 0
    var textEnd = 0
    var metaType: MetricType = .unknown
    var lastEntry: ExpositionEntry? = nil

    /// The last TYPE line: Prometheus normalizes `le`/`quantile` by this type, and (text format)
    /// types a series by it when the series belongs to that family.
    var lastTypeNameStart = -1
    var lastTypeNameEnd = -1
    var lastType: MetricType = .unknown

    /// OpenMetrics family/group bookkeeping.
    var family = OpenMetricsFamilyState()

    public init(bytes: [UInt8], format: ExpositionFormat) {
        self.init(bytes: bytes, format: format, options: ExpositionOptions())
    }

    public init(bytes: [UInt8], format: ExpositionFormat, options: ExpositionOptions) {
        storage = ByteStorage(bytes, appendNewline: format == .prometheusText)
        base = UnsafePointer(storage.pointer)
        end = storage.count
        self.format = format
        self.options = options
        labelBounds.reserveCapacity(64)
    }

    /// Next entry, or nil after the end of input. Throws ExpositionError (line, column, message).
    /// After an error the parser stays failed: further calls return nil.
    public mutating func next() throws(ExpositionError) -> ExpositionEntry? {
        try next(expecting: UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Like `next()`, but when the next entry is a series whose bytes are exactly `known`, takes it
    /// without scanning its labels again and sets `expectedSeriesMatched`.
    ///
    /// `known` must be a `seriesRange` that a parser of the same format accepted before (as a
    /// scrape cache holds them): the label syntax, escapes, UTF-8 and duplicate names of those
    /// bytes were checked then, and none of those checks depends on anything but the bytes. The
    /// parser still checks where the series ends, and the value and timestamp after it, so the
    /// entries and errors are exactly those of `next()`. Only the Prometheus text format takes
    /// this path; OpenMetrics series depend on their family context and are always scanned.
    public mutating func next(expecting known: UnsafeRawBufferPointer) throws(ExpositionError) -> ExpositionEntry? {
        guard !finished else { return nil }
        expectedMatched = false
        do {
            let entry: ExpositionEntry?
            switch format {
            case .prometheusText: entry = try nextText(expecting: known)
            case .openMetrics: entry = try nextOpenMetrics()
            }
            lastEntry = entry
            if entry == nil { finished = true }
            return entry
        } catch {
            finished = true
            throw error
        }
    }

    // MARK: - Series accessors

    /// Byte range of the metric name and label set exactly as written, e.g.
    /// `http_requests_total{code="200",method="get"}` (the label set runs to its closing brace).
    public var seriesRange: Range<Int> { seriesStart..<seriesEnd }

    /// Whether `next(expecting:)` took the current series as the known one.
    public var expectedSeriesMatched: Bool { expectedMatched }

    /// The sample value (NaN is Prometheus's canonical `0x7FF8000000000001`).
    public var value: Double { currentValue }

    /// Milliseconds since the epoch, if the sample had a timestamp.
    public var timestamp: Int64? { currentTimestamp }

    /// The metric name, unescaped. Allocates.
    public var metricName: String {
        if labelsPending {
            var scanned = self
            scanned.scanPendingLabels()
            return EscapedBytes.string(base, scanned.nameStart, scanned.nameEnd)
        }
        return EscapedBytes.string(base, nameStart, nameEnd)
    }

    // MARK: - Metadata accessors

    /// The metric family named by the last HELP, TYPE or UNIT line, unescaped.
    public var familyName: String { EscapedBytes.string(base, metaNameStart, metaNameEnd) }

    /// The HELP text (unescaped as Prometheus does for the format), or a comment's text after `#`.
    public var helpText: String {
        switch (format, lastEntry) {
        case (_, .comment?):
            return String(decoding: UnsafeBufferPointer(start: base + textStart, count: textEnd - textStart), as: UTF8.self)
        case (.prometheusText, _):
            return EscapedBytes.string(base, textStart, textEnd, unescapeQuote: false)
        case (.openMetrics, _):
            return EscapedBytes.string(base, textStart, textEnd)
        }
    }

    /// The bytes of the current HELP, TYPE or UNIT line from the metric name to the end of the
    /// text. With the entry kind and the format they determine `familyName`, `helpText`,
    /// `declaredType` and `unit`, so a caller may recognise a line it has seen before by them.
    public var metadataRange: Range<Int> { metaTokenStart..<textEnd }

    /// The type declared by the last TYPE line.
    public var declaredType: MetricType { metaType }

    /// The unit declared by the last UNIT line.
    public var unit: String {
        String(decoding: UnsafeBufferPointer(start: base + textStart, count: textEnd - textStart), as: UTF8.self)
    }
}
