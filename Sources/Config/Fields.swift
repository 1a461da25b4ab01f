import YAML

/// Typed reads from one YAML mapping of the config. Unknown keys and wrong types become
/// errors (with a "did you mean" hint) in the shared `Diagnostics`; reads return nil then.
struct Fields {
    let mapping: YAMLMapping
    let section: String
    let diagnostics: Diagnostics

    /// Nil when the node is absent or null; an error when it is not a mapping.
    init?(_ node: YAMLNode?, section: String, allowed: [String], diagnostics: Diagnostics) {
        guard let node, !node.isNull else { return nil }
        guard let mapping = node.mapping else {
            diagnostics.error("\(section) must be a mapping, found \(node.described)", at: node.mark)
            return nil
        }
        self.mapping = mapping
        self.section = section
        self.diagnostics = diagnostics
        for entry in mapping.entries {
            guard let key = entry.key.string else {
                diagnostics.error("keys in \(section) must be strings, found \(entry.key.described)", at: entry.key.mark)
                continue
            }
            if !allowed.contains(key) {
                var message = "unknown field \"\(key)\" in \(section)"
                if let hint = EditDistance.suggestion(for: key, among: allowed) {
                    message += "; did you mean \"\(hint)\"?"
                } else {
                    message += " (allowed: \(allowed.joined(separator: ", ")))"
                }
                diagnostics.error(message, at: entry.key.mark)
            }
        }
    }

    /// The value for `key`; a null value counts as absent.
    func node(_ key: String) -> YAMLNode? {
        guard let value = mapping[key], !value.isNull else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// Where to report a problem with `key`: its value, else the mapping.
    func mark(_ key: String) -> Mark { mapping[key]?.mark ?? mapping.mark }

    func error(_ message: String, key: String) { diagnostics.error(message, at: mark(key)) }

    func typeError(_ key: String, _ expected: String, _ found: YAMLNode) {
        diagnostics.error("\"\(key)\" in \(section) must be \(expected), found \(found.described)", at: found.mark)
    }

    func missing(_ key: String, _ why: String = "") {
        diagnostics.error("missing required field \"\(key)\" in \(section)\(why)", at: mapping.mark)
    }

    func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else { typeError(key, "a string", value); return nil }
        return scalar.value
    }

    func requiredString(_ key: String) -> String? {
        guard let value = string(key) else {
            if !has(key) { missing(key) }
            return nil
        }
        if value.isEmpty { error("\"\(key)\" in \(section) must not be empty", key: key) }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let b = value.bool else { typeError(key, "true or false", value); return nil }
        return b
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(key) else { return nil }
        guard let i = value.int else { typeError(key, "an integer", value); return nil }
        guard range.contains(i) else {
            error("\"\(key)\" in \(section) must be between \(range.lowerBound) and \(range.upperBound), found \(i)", key: key)
            return nil
        }
        return i
    }

    func double(_ key: String) -> Double? {
        guard let value = node(key) else { return nil }
        guard let d = value.double, d.isFinite else { typeError(key, "a finite number", value); return nil }
        return d
    }

    func duration(_ key: String) -> PromDuration? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind != .bool else {
            typeError(key, "a duration like 15s or 1h30m", value)
            return nil
        }
        switch PromDuration.parse(scalar.value) {
        case .success(let d): return d
        case .failure(let e):
            diagnostics.error("invalid duration \"\(scalar.value)\" for \"\(key)\": \(e.reason)", at: value.mark)
            return nil
        }
    }

    func positiveDuration(_ key: String) -> PromDuration? {
        guard let d = duration(key) else { return nil }
        guard !d.isZero else { error("\"\(key)\" in \(section) must be greater than zero", key: key); return nil }
        return d
    }

    func byteSize(_ key: String) -> ByteSize? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind == .int || scalar.kind == .string || scalar.kind == .float else {
            typeError(key, "a size like 512MiB or 1GB", value)
            return nil
        }
        switch ByteSize.parse(scalar.value) {
        case .success(let s): return s
        case .failure(let e):
            diagnostics.error("invalid size \"\(scalar.value)\" for \"\(key)\": \(e.reason)", at: value.mark)
            return nil
        }
    }

    /// A sequence of strings. A single string is refused with a hint to write a list.
    func strings(_ key: String) -> [String]? {
        guard let value = node(key) else { return nil }
        guard let items = value.sequence?.items else {
            if let s = value.string {
                diagnostics.error("\"\(key)\" in \(section) must be a list; write [\(s)]", at: value.mark)
            } else {
                typeError(key, "a list of strings", value)
            }
            return nil
        }
        var out: [String] = []
        for item in items {
            guard let s = item.scalar, !s.isNull else {
                diagnostics.error("items of \"\(key)\" in \(section) must be strings, found \(item.described)", at: item.mark)
                continue
            }
            out.append(s.value)
        }
        return out
    }

    /// A mapping of strings to strings, in file order.
    func stringMap(_ key: String) -> [(key: String, value: String, mark: Mark)]? {
        guard let value = node(key) else { return nil }
        guard let m = value.mapping else { typeError(key, "a mapping of strings", value); return nil }
        var out: [(key: String, value: String, mark: Mark)] = []
        for entry in m.entries {
            guard let k = entry.key.string else {
                diagnostics.error("keys of \"\(key)\" in \(section) must be strings", at: entry.key.mark)
                continue
            }
            guard let s = entry.value.scalar, !s.isNull else {
                diagnostics.error("\"\(key).\(k)\" in \(section) must be a string, found \(entry.value.described)", at: entry.value.mark)
                continue
            }
            out.append((k, s.value, entry.key.mark))
        }
        return out
    }

    /// One of an enum's raw values, with a hint for near misses.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let value = node(key) else { return nil }
        guard let s = value.scalar?.value else { typeError(key, "a string", value); return nil }
        if let v = T(rawValue: s) { return v }
        let names = T.allCases.map(\.rawValue)
        var message = "invalid \(key) \"\(s)\" in \(section)"
        if let hint = EditDistance.suggestion(for: s, among: names) {
            message += "; did you mean \"\(hint)\"?"
        } else {
            message += "; use one of: \(names.joined(separator: ", "))"
        }
        diagnostics.error(message, at: value.mark)
        return nil
    }

    /// Items of a sequence field, each handed to `read`.
    func list<T>(_ key: String, _ read: (YAMLNode, Int) -> T?) -> [T]? {
        guard let value = node(key) else { return nil }
        guard let items = value.sequence?.items else { typeError(key, "a list", value); return nil }
        return items.enumerated().compactMap { read($0.element, $0.offset) }
    }
}
