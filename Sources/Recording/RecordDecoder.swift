import TimeSeries

/// The reader's per-file state — symbols, series label sets, previous values, groups — turning
/// block payloads back into `RecordBlock`s. Every count and id is checked against what the
/// file declared and the format's bounds, so a hostile file gives an error, not a trap.
struct RecordDecoder {
    private var symbols: [String] = []
    private(set) var series: [Labels] = []
    private var previous: [UInt64] = []
    private var labelPairs = 0
    private(set) var groups: [RecordedGroup] = []

    /// The block time of a payload, without decoding the rest.
    static func time(of payload: [UInt8], base: Int64, file: String) throws(RecordingError) -> Int64 {
        var r = ByteReader(payload, base: base, file: file)
        return try r.varint()
    }

    mutating func decode(_ payload: [UInt8], base: Int64, file: String, fileIndex: Int, frameOffset: Int64) throws(RecordingError) -> RecordBlock {
        var r = ByteReader(payload, base: base, file: file)
        let time = try r.varint()
        var block = RecordBlock(time: time, file: fileIndex, offset: frameOffset)
        while !r.atEnd {
            let at = r.position
            let type = try r.byte()
            switch RecordFormat.Record(rawValue: type) {
            case .series: try readSeries(&r)
            case .samples: try readSamples(&r, time: time, into: &block)
            case .metadata: try readMetadata(&r, into: &block)
            case .group: try readGroup(&r)
            case .evaluation: try readEvaluation(&r, time: time, into: &block)
            case nil: throw r.error("unknown record type \(type)", at: at)
            }
        }
        return block
    }

    private mutating func readSeries(_ r: inout ByteReader) throws(RecordingError) {
        let at = r.position
        let id = try r.uvarint()
        guard id == UInt64(series.count) else { throw r.error("series id \(id) out of sequence (expected \(series.count))", at: at) }
        guard series.count < RecordFormat.maxSeries else { throw r.error("more than \(RecordFormat.maxSeries) series in one file", at: at) }
        let n = try r.count(max: min(RecordFormat.maxLabelsPerSeries, r.remaining / 2), "label count")
        guard labelPairs + n <= RecordFormat.maxLabelPairs else { throw r.error("more than \(RecordFormat.maxLabelPairs) labels in one file", at: at) }
        var pairs: [Label] = []
        pairs.reserveCapacity(n)
        for _ in 0..<n {
            let name = try symbol(&r)
            let value = try symbol(&r)
            pairs.append(Label(name, value))
        }
        labelPairs += n
        series.append(Labels(pairs))
        previous.append(0)
    }

    private mutating func readSamples(_ r: inout ByteReader, time: Int64, into block: inout RecordBlock) throws(RecordingError) {
        // Every sample takes at least two bytes, which bounds the count by the payload.
        let n = try r.count(max: r.remaining / 2, "sample count")
        block.samples.reserveCapacity(block.samples.count + min(n, 1 << 16))
        var previousID: Int64 = -1
        var previousT = time
        for _ in 0..<n {
            let at = r.position
            let delta = try r.varint()
            let (sum, overflow) = (previousID + 1).addingReportingOverflow(delta)
            guard !overflow, sum >= 0, sum < Int64(series.count) else { throw r.error("sample names undeclared series \(sum)", at: at) }
            let id = Int(sum)
            let tag = try r.byte()
            var t = previousT
            if tag & ValueCodec.timeFlag != 0 { t = previousT &+ (try r.varint()) }
            let (bits, prev) = try ValueCodec.decode(tag: tag, previous: previous[id], from: &r)
            previous[id] = prev
            block.samples.append(RecordBlock.Sample(series: id, t: t, bits: bits))
            previousID = sum
            previousT = t
        }
    }

    private mutating func readMetadata(_ r: inout ByteReader, into block: inout RecordBlock) throws(RecordingError) {
        let metric = try symbol(&r)
        let at = r.position
        let code = try r.byte()
        guard let type = MetricTypeCode(rawValue: code) else { throw r.error("unknown metric type \(code)", at: at) }
        let help = try symbol(&r)
        let unit = try symbol(&r)
        block.metadata.append(RecordBlock.Metadata(metric: metric, meta: MetricMetadata(type: type.type, help: help, unit: unit)))
    }

    private mutating func readGroup(_ r: inout ByteReader) throws(RecordingError) {
        let at = r.position
        let id = try r.uvarint()
        guard id == UInt64(groups.count) else { throw r.error("group id \(id) out of sequence (expected \(groups.count))", at: at) }
        guard groups.count < RecordFormat.maxGroups else { throw r.error("more than \(RecordFormat.maxGroups) groups in one file", at: at) }
        let name = try symbol(&r)
        let file = try symbol(&r)
        let interval = try r.varint()
        groups.append(RecordedGroup(name: name, file: file, interval: interval))
    }

    private mutating func readEvaluation(_ r: inout ByteReader, time: Int64, into block: inout RecordBlock) throws(RecordingError) {
        let at = r.position
        let gid = try r.uvarint()
        guard gid < UInt64(groups.count) else { throw r.error("evaluation of undeclared group \(gid)", at: at) }
        let evalTime = time &+ (try r.varint())
        let n = try r.count(max: r.remaining / 2, "alert count")
        var transitions: [RecordedAlert] = []
        transitions.reserveCapacity(min(n, 1024))
        for _ in 0..<n {
            let sat = r.position
            let id = try r.uvarint()
            guard id < UInt64(series.count) else { throw r.error("alert names undeclared series \(id)", at: sat) }
            let code = try r.byte()
            guard let state = RecordedAlert.State(rawValue: code) else { throw r.error("unknown alert state \(code)", at: r.position - 1) }
            transitions.append(RecordedAlert(labels: series[Int(id)], state: state))
        }
        block.evaluations.append(RecordBlock.Evaluation(group: groups[Int(gid)], time: evalTime, transitions: transitions))
    }

    private mutating func symbol(_ r: inout ByteReader) throws(RecordingError) -> String {
        let at = r.position
        let k = try r.uvarint()
        if k == 0 {
            guard symbols.count < RecordFormat.maxSymbols else { throw r.error("more than \(RecordFormat.maxSymbols) symbols in one file", at: at) }
            let s = try r.string(max: RecordFormat.maxStringBytes)
            symbols.append(s)
            return s
        }
        guard k - 1 < UInt64(symbols.count) else { throw r.error("undeclared symbol \(k - 1)", at: at) }
        return symbols[Int(k - 1)]
    }
}
