/// Query strings and `application/x-www-form-urlencoded` bodies, decoded as Go's `url.ParseQuery`
/// does (`+` is a space, `%XX` a byte; a malformed escape is kept as written).
extension HTTPServerRequest {
    /// The query's `name=value` pairs, decoded, in order.
    public var queryItems: [(name: String, value: String)] { FormDecoding.items(Array(query.utf8)) }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The query's pairs, then (for a form-encoded body) the body's: what Prometheus's API reads
    /// for `GET` and `POST` alike.
    public var formItems: [(name: String, value: String)] {
        var items = queryItems
        let type = header("Content-Type")?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: " \t").lowercased()
        }
        if type == "application/x-www-form-urlencoded" { items += FormDecoding.items(body) }
        return items
    }

    /// The first form value of `name` (query first, then body).
    public func formValue(_ name: String) -> String? {
        formItems.first { $0.name == name }?.value
    }
}

/// Percent-decoding for paths and forms.
enum FormDecoding {
    static func items(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let eq = part.firstIndex(of: UInt8(ascii: "=")) {
                out.append((decode(part[part.startIndex..<eq], plusIsSpace: true),
                            decode(part[(eq + 1)...], plusIsSpace: true)))
            } else {
                out.append((decode(part, plusIsSpace: true), ""))
            }
        }
        return out
    }

    /// `%2F` → `/`; with `plusIsSpace`, `+` → space. Invalid escapes stay as they are; the bytes
    /// are read as UTF-8 with invalid sequences replaced.
    static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.endIndex,
               let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            }
            out.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
