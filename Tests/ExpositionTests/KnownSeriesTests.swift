import Testing
@testable import Exposition

/// `next(expecting:)` must give exactly what `next()` gives, whatever accepted key it is offered.
@Suite struct KnownSeriesTests {
    /// Everything observable about one entry, or the error that ended the parse.
    struct Observation: Equatable, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    static func observe(_ parser: inout ExpositionParser, _ entry: ExpositionEntry) -> Observation {
        switch entry {
        case .series:
            let labels = parser.labels().map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            return Observation(text: "series \(parser.seriesRange) \(parser.value.bitPattern) \(String(describing: parser.timestamp)) "
                + "\(parser.metricName) \(parser.familyType) [\(labels)]")
        case .help, .type, .unit, .comment:
            return Observation(text: "\(entry) \(parser.familyName) \(parser.helpText) \(parser.metadataRange)")
        case .eof:
            return Observation(text: "eof")
        }
    }

    /// Plain parse: observations and the accepted series keys.
    static func plain(_ bytes: [UInt8], _ format: ExpositionFormat) -> ([Observation], [[UInt8]]) {
        var parser = ExpositionParser(bytes: bytes, format: format)
        var out: [Observation] = []
        var keys: [[UInt8]] = []
        do {
            while let e = try parser.next() {
                if e == .series { keys.append(Array(bytes[parser.seriesRange])) }
                out.append(observe(&parser, e))
            }
        } catch {
            out.append(Observation(text: "error \(error)"))
        }
        return (out, keys)
    }

    /// Parse offering `choose(k)` as the known key before the k-th call.
    static func expecting(_ bytes: [UInt8], _ format: ExpositionFormat, _ choose: (Int) -> [UInt8]) -> ([Observation], Int) {
        var parser = ExpositionParser(bytes: bytes, format: format)
        var out: [Observation] = []
        var matched = 0
        var k = 0
        do {
            while true {
                let key = choose(k)
                k += 1
                let e = try key.withUnsafeBytes { try parser.next(expecting: $0) }
                guard let e else { break }
                if parser.expectedSeriesMatched { matched += 1 }
                out.append(observe(&parser, e))
            }
        } catch {
            out.append(Observation(text: "error \(error)"))
        }
        return (out, matched)
    }

    static let vocabulary: [String] = [
        "a 1", "a 2", "a_b 3", "ab 4", "a{x=\"1\"} 5", "a {x=\"1\"} 6", "a{x=\"1\",} 7", "a{x=\"1\"}8", "{\"a\"} 9",
        "{\"a\",x=\"1\"} 10", "a{x=\"v\\nw\"} 11", "a{x=\"raw\nline\"} 12", "a 1 1700000000000", "a\t13", "a{ x = \"1\" } 14",
        "a{x=\"1\",y=\"2\"} 1.5e3", "a{y=\"2\",x=\"1\"} 0.30000000000000004", "b_bucket{le=\"1\"} 2", "b_bucket{le=\"+Inf\"} 3",
        "c{quantile=\"0.5\"} NaN", "# HELP a help \\\" text", "# TYPE a counter", "# TYPE b histogram", "# TYPE c summary",
        "# comment", "", "   ", "a{x=\"é\"} 15", "a{x=\"1\"} +Inf", "a{x=\"1\"} -Inf 17",
        // invalid
        "a{x=\"1\"} abc", "a{x=\"1\" 1", "a{x=\"1\",x=\"2\"} 1", "a 1 2 3", "a{x=\"1\"} 1 x",
        "a{x=\"1\"}", "a{x=\"1\"}} 1", "a{x=\"1\"}{y=\"2\"} 1", "a 1e400", "{x=\"1\"} 1",
    ]

    static func body(_ rng: inout SplitMix, lines: Int, invalid: Bool) -> [UInt8] {
        let limit = invalid ? vocabulary.count : vocabulary.count - 10
        var s = ""
        for _ in 0..<lines { s += vocabulary[Int(rng.next() % UInt64(limit))] + "\n" }
        var bytes = Array(s.utf8)
        if invalid && rng.next() % 4 == 0, !bytes.isEmpty {  // a raw invalid byte somewhere
            bytes[Int(rng.next() % UInt64(bytes.count))] = 0xFF
        }
        if rng.next() % 5 == 0, bytes.last == 10 { bytes.removeLast() }
        return bytes
    }

    @Test func agreesWithPlainParsing() {
        var rng = SplitMix(seed: 11)
        var totalMatched = 0
        for round in 0..<3000 {
            let first = Self.body(&rng, lines: 1 + Int(rng.next() % 12), invalid: false)
            let second = Self.body(&rng, lines: 1 + Int(rng.next() % 12), invalid: round % 2 == 0)
            let (_, keys1) = Self.plain(first, .prometheusText)
            let (expected, keys2) = Self.plain(second, .prometheusText)
            let known = keys1 + keys2
            guard !known.isEmpty else { continue }
            var r2 = SplitMix(seed: UInt64(round))
            let (got, matched) = Self.expecting(second, .prometheusText) { k in
                switch r2.next() % 4 {
                case 0: return k < keys2.count ? keys2[k] : []
                case 1: return k < keys1.count ? keys1[k] : []
                case 2: return known[Int(r2.next() % UInt64(known.count))]
                default: return []
                }
            }
            totalMatched += matched
            #expect(got == expected, "body: \(String(decoding: second, as: UTF8.self).debugDescription)")
            if got != expected { return }
        }
        #expect(totalMatched > 1000)
    }

    /// Valid bodies with a few random edits from the grammar's own characters.
    @Test func agreesOnMutatedBodies() {
        let alphabet = Array("a_{}\"=,\\ \t\n#.1e+-x".utf8)
        var rng = SplitMix(seed: 12)
        for round in 0..<3000 {
            let original = Self.body(&rng, lines: 2 + Int(rng.next() % 8), invalid: false)
            let (_, keys) = Self.plain(original, .prometheusText)
            var mutated = original
            for _ in 0..<(1 + Int(rng.next() % 3)) where !mutated.isEmpty {
                let at = Int(rng.next() % UInt64(mutated.count))
                let c = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                switch rng.next() % 3 {
                case 0: mutated[at] = c
                case 1: mutated.insert(c, at: at)
                default: mutated.remove(at: at)
                }
            }
            let (expected, _) = Self.plain(mutated, .prometheusText)
            guard !keys.isEmpty else { continue }
            var r2 = SplitMix(seed: UInt64(round))
            let (got, _) = Self.expecting(mutated, .prometheusText) { k in
                r2.next() % 3 == 0 ? keys[Int(r2.next() % UInt64(keys.count))] : (k < keys.count ? keys[k] : [])
            }
            #expect(got == expected, "body: \(String(decoding: mutated, as: UTF8.self).debugDescription)")
            if got != expected { return }
        }
    }

    @Test func openMetricsIgnoresTheKnownKey() {
        let text = Array("a 1\na{x=\"1\"} 2\n# EOF\n".utf8)
        let (expected, keys) = Self.plain(text, .openMetrics)
        let (got, matched) = Self.expecting(text, .openMetrics) { k in k < keys.count ? keys[k] : [] }
        #expect(got == expected)
        #expect(matched == 0)
    }

    @Test func bareNameDoesNotMatchALongerSeries() {
        let key = Array("a".utf8)
        for line in ["a_b 1", "a{x=\"1\"} 2", "a {x=\"1\"} 3", "a\t{x=\"1\"} 4", "ab 5"] {
            let bytes = Array((line + "\n").utf8)
            let (got, matched) = Self.expecting(bytes, .prometheusText) { _ in key }
            #expect(matched == 0, "\(line)")
            #expect(got == Self.plain(bytes, .prometheusText).0)
        }
        let (_, matched) = Self.expecting(Array("a 1\na  2\n".utf8), .prometheusText) { _ in key }
        #expect(matched == 2)
    }

    @Test func rawNewlinesInAKnownKeyKeepErrorLines() {
        let key = Array("a{x=\"one\ntwo\"}".utf8)
        let bytes = Array("a{x=\"one\ntwo\"} 1\na{x=\"one\ntwo\"} 2\nbad line\n".utf8)
        let (got, matched) = Self.expecting(bytes, .prometheusText) { _ in key }
        #expect(matched == 2)
        #expect(got == Self.plain(bytes, .prometheusText).0)
        #expect(got.last?.text.hasPrefix("error 5:5:") == true, "\(got)")
    }
}
