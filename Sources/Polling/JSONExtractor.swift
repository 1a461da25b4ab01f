import Config
import Foundation

/// Turns a JSON document into a Prometheus text exposition: each configured value is a JSONPath,
/// a metric name, a type and labels. Compiled once per source, so a bad path is a config error
/// (with its column) before the first poll.
///
/// Labels are literal, or read from the match's element: `"@key"` (the element's member name or
/// index), `"@"` (the element itself), `"@.name"` or any path rooted at `@`. A literal that starts
/// with `@` is written `@@…`. A path with a wildcard, descent, union or slice and no label read from
/// the element gets an `index` label (`@key`), so its series stay apart.
public struct JSONExtractor: Sendable {
    public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    enum LabelSource: Sendable {
        case literal(String)
        case key
        case path(JSONPath)
    }

    struct Rule: Sendable {
        var path: JSONPath
        var name: String
        var type: JSONSourceConfig.Value.MetricType
        var labels: [(name: String, source: LabelSource)]
        var map: [String: Double]
        var number: Int
    }

    let rules: [Rule]

    public init(_ values: [JSONSourceConfig.Value]) throws(ConfigError) {
        var rules: [Rule] = []
        var types: [String: JSONSourceConfig.Value.MetricType] = [:]
        for (n, v) in values.enumerated() {
            let what = "json value \(n + 1) (\(v.name))"
            let path: JSONPath
            do { path = try JSONPath(v.path) } catch { throw ConfigError(description: "\(what): \(error)") }
            guard path.root == .document else {
                throw ConfigError(description: "\(what): the path must start with '$' (the document), not '@'")
            }
            guard Self.isMetricName(v.name) else { throw ConfigError(description: "\(what): invalid metric name") }
            if let t = types[v.name], t != v.type {
                throw ConfigError(description: "\(what): \(v.name) is declared both \(t.rawValue) and \(v.type.rawValue)")
            }
            types[v.name] = v.type
            var labels: [(name: String, source: LabelSource)] = []
            for (name, text) in v.labels.sorted(by: { $0.key < $1.key }) {
                labels.append((name, try Self.labelSource(text, what: "\(what), label \(name)")))
            }
            let readsElement = labels.contains { if case .literal = $0.source { false } else { true } }
            if !readsElement && Self.needsIndex(path) && v.labels["index"] == nil {
                labels.append(("index", .key))
            }
            rules.append(Rule(path: path, name: v.name, type: v.type, labels: labels, map: v.map, number: n + 1))
        }
        self.rules = rules
    }

    static func labelSource(_ text: String, what: String) throws(ConfigError) -> LabelSource {
        if text.hasPrefix("@@") { return .literal(String(text.dropFirst())) }
        guard text.hasPrefix("@") else { return .literal(text) }
        if text == "@key" { return .key }
        do { return .path(try JSONPath(text)) } catch { throw ConfigError(description: "\(what): \(error)") }
    }

    /// Fan-out other than a filter: a filter usually picks "the one" element, so it adds no label.
    static func needsIndex(_ path: JSONPath) -> Bool {
        path.segments.contains {
            switch $0 {
            case .descendant: return true
            case .child(let s):
                if case .filter = s { return false }
                return s.fansOut
            }
        }
    }

    static func isMetricName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic || f == "_" || f == ":" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":") }
    }

    /// The exposition for `document`: one family per metric name, in config order.
    public func exposition(_ document: JSONValue) throws(PollError) -> [UInt8] {
        var families: [String: [(labels: [(String, String)], value: Double)]] = [:]
        var order: [(name: String, rule: Rule)] = []
        var seen: [String: Int] = [:]
        for rule in rules {
            if families[rule.name] == nil {
                families[rule.name] = []
                order.append((rule.name, rule))
            }
            let matches: [JSONPathMatch]
            do { matches = try rule.path.evaluate(document) } catch { throw PollError("json value \(rule.number) (\(rule.name)): \(error)") }
            for m in matches {
                guard let v = try number(m.value, rule) else { continue }
                var labels: [(String, String)] = []
                for (name, source) in rule.labels {
                    if let text = try labelValue(source, m, rule) { labels.append((name, text)) }
                }
                let key = rule.name + "{" + labels.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
                if let first = seen[key] {
                    throw PollError("json value \(rule.number) (\(rule.name)): gives a series that value \(first) already gave "
                                    + "(\(Self.shown(rule.name, labels))); read a label from the element to tell them apart, like labels: {name: \"@.name\"}")
                }
                seen[key] = rule.number
                families[rule.name, default: []].append((labels, v))
            }
        }
        var w = ExpositionWriter()
        for (name, rule) in order {
            guard let samples = families[name], !samples.isEmpty else { continue }
            w.family(name, rule.type.rawValue, "From JSON path \(rule.path.text).")
            for s in samples { w.sample(name, labels: s.labels, s.value) }
        }
        return w.bytes
    }

    private static func shown(_ name: String, _ labels: [(String, String)]) -> String {
        labels.isEmpty ? name : name + "{" + labels.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ", ") + "}"
    }

    /// The sample value of a match; nil to skip it (null, or an unconvertible element of a fan-out).
    func number(_ value: JSONValue, _ rule: Rule) throws(PollError) -> Double? {
        switch value {
        case .number(let d): return d
        case .bool(let b): return rule.map[b ? "true" : "false"] ?? (b ? 1 : 0)
        case .null: return nil
        case .string(let s):
            if let v = rule.map[s] { return v }
            if let v = Double(s.trimmingCharacters(in: .whitespaces)) { return v }
            if let v = rule.map["*"] { return v }
            guard !rule.path.isDefinite else {
                let hint = rule.map.isEmpty ? "; map it with map: {\(s.prefix(20)): 1, \"*\": 0}" : " and not in its map"
                throw PollError("json value \(rule.number) (\(rule.name)): \(rule.path.text) is the string \"\(s.prefix(60))\", not a number\(hint)")
            }
            return nil
        case .array, .object:
            guard !rule.path.isDefinite else {
                throw PollError("json value \(rule.number) (\(rule.name)): \(rule.path.text) is \(value.typeName), not a number; extend the path to a number inside it")
            }
            return nil
        }
    }

    private func labelValue(_ source: LabelSource, _ m: JSONPathMatch, _ rule: Rule) throws(PollError) -> String? {
        switch source {
        case .literal(let s): return s
        case .key: return m.key?.description
        case .path(let p):
            guard let element = m.element else { return nil }
            do {
                return try p.evaluate(element, current: element).first?.value.labelText
            } catch {
                throw PollError("json value \(rule.number) (\(rule.name)): \(error)")
            }
        }
    }
}
