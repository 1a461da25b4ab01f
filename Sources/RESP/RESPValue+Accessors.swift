/// Typed views of a reply, for the shapes Redis commands return.
extension RESPValue {
    /// The text of a simple or bulk string (invalid UTF-8 is replaced by U+FFFD); nil otherwise.
    public var string: String? {
        switch self {
        case .simpleString(let s): return s
        case .bulkString(let b): return String(decoding: b, as: UTF8.self)
        default: return nil
        }
    }

    /// The value of an integer reply, or of a string reply holding a base-10 integer
    /// (`HGET`, `XINFO` fields and `INFO` values come back as strings).
    public var integer: Int64? {
        switch self {
        case .integer(let i): return i
        case .simpleString(let s): return Int64(s)
        case .bulkString(let b): return Int64(String(decoding: b, as: UTF8.self))
        default: return nil
        }
    }

    /// The value of a string reply holding a number (`ZRANGE ... WITHSCORES` scores), or of an
    /// integer reply. Accepts Redis's `inf`/`-inf` spellings.
    public var double: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .simpleString, .bulkString:
            guard let s = string else { return nil }
            switch s.lowercased() {
            case "inf", "+inf": return .infinity
            case "-inf": return -.infinity
            default: return Double(s)
            }
        default: return nil
        }
    }

    /// The elements of an array reply; nil for anything else (including a null array).
    public var array: [RESPValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The bytes of a bulk or simple string.
    public var bytes: [UInt8]? {
        switch self {
        case .bulkString(let b): return b
        case .simpleString(let s): return Array(s.utf8)
        default: return nil
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The server's error text if this is an error reply.
    public var errorMessage: String? {
        if case .error(let e) = self { return e }
        return nil
    }

    /// The error code of an error reply: its first word (`ERR`, `WRONGTYPE`, `NOAUTH`, `WRONGPASS`).
    public var errorCode: String? {
        guard case .error(let e) = self else { return nil }
        return e.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
    }

    /// An array of alternating field names and values (`HGETALL`, each `XINFO GROUPS` entry) as
    /// pairs in reply order; nil if this is not an array, has an odd length, or a name is not a string.
    public var fieldPairs: [(name: String, value: RESPValue)]? {
        guard case .array(let a) = self, a.count % 2 == 0 else { return nil }
        var out: [(name: String, value: RESPValue)] = []
        out.reserveCapacity(a.count / 2)
        var i = 0
        while i < a.count {
            guard let name = a[i].string else { return nil }
            out.append((name, a[i + 1]))
            i += 2
        }
        return out
    }

    /// `fieldPairs` as a dictionary (a later duplicate name wins).
    public var fieldMap: [String: RESPValue]? {
        guard let pairs = fieldPairs else { return nil }
        var map: [String: RESPValue] = [:]
        for (name, value) in pairs { map[name] = value }
        return map
    }
}
