/// The parsed text of an `INFO` reply: `# Section` headers and `key:value` lines.
public struct RedisInfo: Sendable, Hashable {
    /// Section name (lowercased, e.g. `server`, `memory`, `keyspace`) → key → value.
    public private(set) var sections: [String: [String: String]] = [:]

    public init(parsing text: String) {
        var section = ""
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") {
                section = line.dropFirst().trimmingSpaces().lowercased()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            sections[section, default: [:]][String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
    }

    /// The value of `key` in whichever section holds it.
    public subscript(key: String) -> String? {
        for (_, values) in sections {
            if let v = values[key] { return v }
        }
        return nil
    }

    /// A `db0:keys=1,expires=0,avg_ttl=0` style value split into its fields.
    public static func fields(_ value: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in value.split(separator: ",") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            out[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
