/// The OpenMetrics rules beyond syntax, as the standard's reference parser enforces them: each
/// family appears once and in one block, metadata precedes samples and is not repeated, sample names
/// fit the family type, groups are contiguous with non-decreasing timestamps, and counter, histogram,
/// summary, stateset, info and exemplar values are within their rules.
extension ExpositionParser {
    private var familyDisplayName: String { EscapedBytes.string(base, family.nameStart, family.nameEnd) }

    mutating func metadataRules(_ kind: ExpositionEntry, at p: Int) throws(ExpositionError) {
        let name = metaNameStart..<metaNameEnd
        if family.active && EscapedBytes.equal(base, name, family.nameRange) {
            if family.hasSamples { throw fail(at: p, "metadata for \(familyDisplayName) after its samples") }
        } else {
            try endFamily(at: p)
            family.start(name)
        }
        switch kind {
        case .help:
            if family.hasHelp { throw fail(at: p, "second HELP for \(familyDisplayName)") }
            family.hasHelp = true
        case .type:
            if family.type != nil { throw fail(at: p, "second TYPE for \(familyDisplayName)") }
            family.type = metaType
            if family.hasUnit && (metaType == .info || metaType == .stateset) {
                throw fail(at: p, "\(metaType.rawValue) \(familyDisplayName) cannot have a UNIT")
            }
        default:
            if family.hasUnit { throw fail(at: p, "second UNIT for \(familyDisplayName)") }
            family.hasUnit = true
            if let t = family.type, t == .info || t == .stateset {
                throw fail(at: p, "\(t.rawValue) \(familyDisplayName) cannot have a UNIT")
            }
        }
    }

    /// Closes the current family: records its names (a later family may not reuse them) and
    /// finishes the last histogram group.
    mutating func endFamily(at p: Int) throws(ExpositionError) {
        guard family.active else { return }
        family.active = false
        let t = family.type ?? .unknown
        for s in SampleSuffix.allCases where s == .none || s.isAllowed(for: t) {
            var h = EscapedBytes.hash(base, family.nameRange)
            let text = s.text
            for k in 0..<text.utf8CodeUnitCount {
                h = (h ^ UInt64(text.utf8Start[k])) &* 0x0000_0100_0000_01B3
            }
            if !family.seenNames.insert(Self.mix(h)) {
                throw fail(at: p, "metric family \(familyDisplayName) reuses the name \(familyDisplayName)\(s.text) of an earlier family (families must not repeat or interleave)")
            }
        }
        if (t == .histogram || t == .gaugehistogram) && family.histogram.active, let problem = family.histogram.verify(strictSums: options.strictNegativeObservations) {
            throw fail(at: p, "\(problem) in \(t.rawValue) \(familyDisplayName)")
        }
    }

    /// Whether the sample name decodes to the family name followed by `suffix`.
    private func sampleName(is suffix: SampleSuffix) -> Bool {
        var sample = EscapedBytes(base, nameStart, nameEnd)
        var fam = EscapedBytes(base, family.nameStart, family.nameEnd)
        while let c = fam.next() {
            if sample.next() != c { return false }
        }
        let text = suffix.text
        for k in 0..<text.utf8CodeUnitCount where sample.next() != text.utf8Start[k] { return false }
        return sample.next() == nil
    }

    /// Order-independent hash of one decoded label pair.
    private func pairHash(_ k: Int) -> UInt64 {
        let b = labelBounds
        var h = EscapedBytes.hash(base, b[k]..<b[k + 1])
        h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3
        h = EscapedBytes.hash(base, b[k + 2]..<b[k + 3], seed: h)
        return Self.mix(h)
    }

    /// MurmurHash3's 64-bit finalizer.
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    mutating func sampleRules(timestamp: Double?, hasExemplar: Bool) throws(ExpositionError) {
        let p = seriesStart
        var suffix: SampleSuffix? = nil
        if family.active {
            let t = family.type ?? .unknown
            for s in SampleSuffix.allCases where s.isAllowed(for: t) && sampleName(is: s) {
                suffix = s
                break
            }
        }
        if suffix == nil {
            try endFamily(at: p)
            family.start(nameStart..<nameEnd)
            family.type = .unknown
        }
        let s = suffix ?? .none
        family.hasSamples = true
        let t = family.type ?? .unknown
        let v = currentValue
        let b = labelBounds

        var excluded = -1
        var special = -1
        var k = 0
        while k < b.count {
            let r = b[k]..<b[k + 1]
            if s == .bucket && EscapedBytes.equal(base, r, "le") { special = k; excluded = k }
            if t == .summary && s == .none && EscapedBytes.equal(base, r, "quantile") { special = k; excluded = k }
            if t == .stateset && EscapedBytes.equal(base, r, family.nameRange) { excluded = k }
            k += 4
        }
        if t == .stateset && excluded < 0 {
            throw fail(at: p, "stateset sample lacks the label \(familyDisplayName)")
        }
        var le = 0.0
        if s == .bucket {
            guard special >= 0 else { throw fail(at: p, "bucket without an le label") }
            let r0 = b[special + 2]
            let r1 = b[special + 3]
            guard let x = GoFloatParser.parse(base, r0, r1, allowHex: false), !x.isNaN,
                  x.isFinite || EscapedBytes.equal(base, r0..<r1, "+Inf") || EscapedBytes.equal(base, r0..<r1, "-Inf")
            else { throw fail(at: r0, "invalid le label value \"\(snippet(r0, r1))\"") }
            le = x
            guard v.isNaN || (v.isFinite && v == v.rounded()) else {
                throw fail(at: p, "bucket value must be an integer")
            }
        }
        if (s == .count || s == .gcount) && !(v.isNaN || (v.isFinite && v == v.rounded())) {
            throw fail(at: p, "count value must be an integer")
        }
        if t == .summary && s == .none {
            guard special >= 0 else { throw fail(at: p, "summary sample without a quantile label") }
            let r0 = b[special + 2]
            let r1 = b[special + 3]
            guard let q = GoFloatParser.parse(base, r0, r1), q >= 0, q <= 1 else {
                throw fail(at: r0, "invalid quantile label value \"\(snippet(r0, r1))\"")
            }
        }

        var g: UInt64 = 0
        if t != .info {
            k = 0
            while k < b.count {
                if k != excluded { g &+= pairHash(k) }
                k += 4
            }
        }
        if let previous = family.groupHash {
            if previous != g {
                if !family.seenGroups.insert(g) {
                    throw fail(at: p, "samples of one label set of \(familyDisplayName) are not contiguous")
                }
            } else {
                if (timestamp == nil) != (family.groupTimestamp == nil) {
                    throw fail(at: p, "mix of samples with and without timestamps in one group of \(familyDisplayName)")
                }
                if t != .info, let before = family.groupTimestamp, let now = timestamp, before > now {
                    throw fail(at: p, "timestamps went backwards in one group of \(familyDisplayName)")
                }
            }
        } else {
            family.seenGroups.insert(g)
        }
        family.groupHash = g
        family.groupTimestamp = timestamp

        if t == .stateset && v != 0 && v != 1 { throw fail(at: p, "stateset values must be 0 or 1") }
        if t == .info && v != 1 { throw fail(at: p, "info values must be 1") }
        if options.strictNegativeObservations && t == .summary && s == .none && v < 0 { throw fail(at: p, "quantile values cannot be negative") }
        if s.mustNotBeNaN && v.isNaN { throw fail(at: p, "\(s.text) values cannot be NaN") }
        if s.mustNotBeNegative && v < 0 && (s != .sum || options.strictNegativeObservations) { throw fail(at: p, "\(s.text) values cannot be negative") }
        if hasExemplar && !(((t == .histogram || t == .gaugehistogram) && s == .bucket) || (t == .counter && s == .total)) {
            throw fail(at: p, "only histogram buckets and counter totals can have exemplars")
        }
        if (t == .histogram || t == .gaugehistogram) && s != .none {
            if family.histogram.active && (family.histogram.group != g || family.histogram.timestamp != timestamp) {
                if let problem = family.histogram.verify(strictSums: options.strictNegativeObservations) {
                    throw fail(at: p, "\(problem) in \(t.rawValue) \(familyDisplayName)")
                }
                family.histogram = HistogramGroupCheck()
            }
            if let problem = family.histogram.add(group: g, timestamp: timestamp, suffix: s, le: le, value: v) {
                throw fail(at: p, "\(problem) in \(t.rawValue) \(familyDisplayName)")
            }
        }
    }
}
