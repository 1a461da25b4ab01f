/// Turning key/value pairs into a mapping: duplicate keys are errors at the second key, and
/// merge keys (`<<: *base` or `<<: [*a, *b]`) add entries the mapping does not set itself.
extension Parser {
    /// What makes two keys the same key: their resolved type and value, not their spelling
    /// (`a` and `"a"` clash, `1` and `"1"` do not, `0x10` and `16` do).
    enum KeyIdentity: Hashable {
        case null
        case bool(Bool)
        case int(String)
        case float(String)
        case string(String)
        case collection(String)

        init(_ node: YAMLNode) {
            switch node {
            case .scalar(let s):
                switch s.kind {
                case .null: self = .null
                case .bool: self = .bool(s.bool ?? false)
                case .int: self = .int(s.int.map(String.init) ?? s.value)
                case .float: self = .float(s.double.map { "\($0)" } ?? s.value)
                case .string: self = .string(s.value)
                }
            case .sequence, .mapping:
                self = .collection(node.description)
            }
        }
    }

    func buildMapping(_ pairs: [YAMLMapping.Entry], mark: Mark) throws(YAMLError) -> YAMLMapping {
        var entries: [YAMLMapping.Entry] = []
        var seen: [KeyIdentity: Mark] = [:]
        var merge: (sources: [YAMLMapping], index: Int, mark: Mark)?
        for pair in pairs {
            if let s = pair.key.scalar, s.style == .plain, s.value == "<<", s.kind == .string {
                if let previous = merge {
                    throw error("duplicate merge key '<<' (first defined at line \(previous.mark.line), column \(previous.mark.column))", at: s.mark)
                }
                merge = (try mergeSources(pair.value), entries.count, s.mark)
                continue
            }
            let id = KeyIdentity(pair.key)
            if let first = seen[id] {
                throw error("duplicate key \(pair.key.description) (first defined at line \(first.line), column \(first.column))", at: pair.key.mark)
            }
            seen[id] = pair.key.mark
            entries.append(pair)
        }
        if let merge {
            var merged: [YAMLMapping.Entry] = []
            for source in merge.sources {
                for entry in source.entries {
                    let id = KeyIdentity(entry.key)
                    if seen[id] == nil {
                        seen[id] = entry.key.mark
                        merged.append(entry)
                    }
                }
            }
            entries.insert(contentsOf: merged, at: merge.index)
        }
        return YAMLMapping(entries: entries, mark: mark)
    }

    private func mergeSources(_ value: YAMLNode) throws(YAMLError) -> [YAMLMapping] {
        switch value {
        case .mapping(let m):
            return [m]
        case .sequence(let s):
            var sources: [YAMLMapping] = []
            for item in s.items {
                guard case .mapping(let m) = item else {
                    throw error("a merge key '<<' takes a mapping or a sequence of mappings, found a \(item.kindName)", at: item.mark)
                }
                sources.append(m)
            }
            return sources
        case .scalar:
            throw error("a merge key '<<' takes a mapping or a sequence of mappings, found a \(value.kindName)", at: value.mark)
        }
    }
}
