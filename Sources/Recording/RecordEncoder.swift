import TimeSeries

/// The writer's per-file state: symbols, series ids and each series' previous value, turning
/// batches into block payloads (see `RecordFormat`). Starts empty for every new file, so each
/// file declares the series it uses.
struct RecordEncoder {
    /// A store series as the writer tells them apart: refs of different stores (a config reload
    /// builds a new one) must not meet.
    struct Key: Hashable {
        var session: UInt32
        var ref: UInt64
    }

    private var symbols: [String: UInt32] = [:]
    private var series: [Key: UInt32] = [:]
    private var alertSeries: [Labels: UInt32] = [:]
    /// Previous value bits by series id.
    private var previous: [UInt64] = []
    private var labelPairs = 0
    private var groups: [RecordedGroup: UInt32] = [:]
    private var metadata: [String: MetricMetadata] = [:]
    /// Set when a per-file bound was reached: the writer starts a new file after this block.
    private(set) var full = false

    var seriesCount: Int { previous.count }

    // MARK: Samples

    /// Payloads for one batch (more than one only when it is large). Samples whose labels are
    /// unknown (the series went away) or exceed the format's bounds are left out.
    mutating func samples(time: Int64, session: UInt32, refs: [UInt64], ts: [Int64], bits: [UInt64],
                          labels: (UInt64) -> Labels?) -> (payloads: [[UInt8]], written: Int) {
        var payloads: [[UInt8]] = []
        var defs = ByteWriter(capacity: 256)
        var body = ByteWriter(capacity: refs.count * 4 + 16)
        var n = 0, written = 0
        var previousID: Int64 = -1
        var previousT = time
        func flush() {
            guard n > 0 || defs.count > 0 else { return }
            var p = ByteWriter(capacity: defs.count + body.count + 24)
            p.varint(time)
            p.append(defs.bytes)
            if n > 0 {
                p.byte(RecordFormat.Record.samples.rawValue)
                p.uvarint(UInt64(n))
                p.append(body.bytes)
            }
            payloads.append(p.bytes)
            defs.removeAll()
            body.removeAll()
            n = 0
            previousID = -1
            previousT = time
        }
        let count = min(refs.count, ts.count, bits.count)
        for k in 0..<count {
            let key = Key(session: session, ref: refs[k])
            let id: UInt32
            if let known = series[key] {
                id = known
            } else {
                guard let l = labels(refs[k]), let declared = declare(l, into: &defs) else { continue }
                series[key] = declared
                id = declared
            }
            body.varint(Int64(id) - (previousID + 1))
            previous[Int(id)] = ValueCodec.encode(bits[k], previous: previous[Int(id)], timeDelta: ts[k] &- previousT, into: &body)
            previousID = Int64(id)
            previousT = ts[k]
            n += 1
            written += 1
            if defs.count + body.count >= RecordFormat.targetPayload { flush() }
        }
        flush()
        return (payloads, written)
    }

    // MARK: Metadata, groups, evaluations

    /// A payload for a metadata change; nil when this file already has the same.
    mutating func metadata(time: Int64, metric: String, meta: MetricMetadata) -> [UInt8]? {
        guard metadata[metric] != meta, fits(metric), fits(meta.help), fits(meta.unit) else { return nil }
        guard symbols.count + 3 <= RecordFormat.maxSymbols else {
            full = true
            return nil
        }
        metadata[metric] = meta
        var p = ByteWriter(capacity: 32 + meta.help.utf8.count)
        p.varint(time)
        p.byte(RecordFormat.Record.metadata.rawValue)
        symbol(metric, into: &p)
        p.byte(MetricTypeCode(meta.type).rawValue)
        symbol(meta.help, into: &p)
        symbol(meta.unit, into: &p)
        return p.bytes
    }

    /// A payload declaring rule groups the file has not declared yet; nil when there are none.
    mutating func groups(time: Int64, _ list: [RecordedGroup]) -> [UInt8]? {
        var p = ByteWriter(capacity: 64)
        p.varint(time)
        let before = p.count
        for g in list where groups[g] == nil { _ = groupID(g, into: &p) }
        return p.count > before ? p.bytes : nil
    }

    /// A payload for one group evaluation and the alert transitions it caused.
    mutating func evaluation(time: Int64, group: RecordedGroup, at evalTime: Int64, transitions: [RecordedAlert]) -> [UInt8]? {
        var p = ByteWriter(capacity: 64)
        p.varint(time)
        guard let gid = groupID(group, into: &p) else { return nil }
        var entries: [(UInt32, UInt8)] = []
        entries.reserveCapacity(transitions.count)
        for a in transitions {
            let id: UInt32
            if let known = alertSeries[a.labels] {
                id = known
            } else {
                guard let declared = declare(a.labels, into: &p) else { continue }
                alertSeries[a.labels] = declared
                id = declared
            }
            entries.append((id, a.state.rawValue))
        }
        p.byte(RecordFormat.Record.evaluation.rawValue)
        p.uvarint(UInt64(gid))
        p.varint(evalTime &- time)
        p.uvarint(UInt64(entries.count))
        for (id, state) in entries {
            p.uvarint(UInt64(id))
            p.byte(state)
        }
        return p.bytes
    }

    // MARK: Declarations

    /// The id of a group, declaring it (a `group` record) when new; nil past the format's bounds.
    private mutating func groupID(_ group: RecordedGroup, into p: inout ByteWriter) -> UInt32? {
        if let known = groups[group] { return known }
        guard groups.count < RecordFormat.maxGroups, symbols.count + 2 <= RecordFormat.maxSymbols,
              fits(group.name), fits(group.file) else {
            full = true
            return nil
        }
        let gid = UInt32(groups.count)
        groups[group] = gid
        p.byte(RecordFormat.Record.group.rawValue)
        p.uvarint(UInt64(gid))
        symbol(group.name, into: &p)
        symbol(group.file, into: &p)
        p.varint(group.interval)
        return gid
    }

    /// Writes a `series` record and returns the new id; nil (and `full`) past the format's bounds.
    private mutating func declare(_ labels: Labels, into w: inout ByteWriter) -> UInt32? {
        guard labels.count <= RecordFormat.maxLabelsPerSeries,
              labels.pairs.allSatisfy({ fits($0.name) && fits($0.value) }) else { return nil }
        guard previous.count < RecordFormat.maxSeries, labelPairs + labels.count <= RecordFormat.maxLabelPairs,
              symbols.count + 2 * labels.count <= RecordFormat.maxSymbols else {
            full = true
            return nil
        }
        let id = UInt32(previous.count)
        previous.append(0)
        labelPairs += labels.count
        w.byte(RecordFormat.Record.series.rawValue)
        w.uvarint(UInt64(id))
        w.uvarint(UInt64(labels.count))
        for pair in labels.pairs {
            symbol(pair.name, into: &w)
            symbol(pair.value, into: &w)
        }
        return id
    }

    private mutating func symbol(_ s: String, into w: inout ByteWriter) {
        if let id = symbols[s] {
            w.uvarint(UInt64(id) + 1)
        } else {
            symbols[s] = UInt32(symbols.count)
            w.uvarint(0)
            w.string(s)
        }
    }

    private func fits(_ s: String) -> Bool { s.utf8.count <= RecordFormat.maxStringBytes }
}
