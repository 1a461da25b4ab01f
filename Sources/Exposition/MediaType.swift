/// A small RFC 2045 media-type reader (Go's `mime.ParseMediaType` subset) for Content-Type negotiation.
enum MediaType {
    /// The lowercased `type/subtype` of a Content-Type, or nil when it is blank or malformed.
    static func parse(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        var parts = bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[...]
        guard let first = parts.popFirst() else { return nil }
        let media = trim(first)
        guard let slash = media.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let type = media[media.startIndex..<slash]
        let subtype = media[media.index(after: slash)...]
        guard isToken(type), isToken(subtype) else { return nil }
        for parameter in parts {
            let p = trim(parameter)
            if p.isEmpty { continue }  // Go tolerates a trailing ";".
            guard let eq = p.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = p[p.startIndex..<eq]
            let val = p[p.index(after: eq)...]
            guard isToken(key), !val.isEmpty else { return nil }
            if val.first == UInt8(ascii: "\"") {
                guard val.count >= 2, val.last == UInt8(ascii: "\"") else { return nil }
            } else if !isToken(val) {
                return nil
            }
        }
        return String(decoding: media.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func trim(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var a = s
        while let f = a.first, f == 32 || f == 9 { a.removeFirst() }
        while let l = a.last, l == 32 || l == 9 { a.removeLast() }
        return a
    }

    /// RFC 2045 token: printable ASCII except space and tspecials.
    private static func isToken(_ s: ArraySlice<UInt8>) -> Bool {
        guard !s.isEmpty else { return false }
        for c in s {
            if c <= 32 || c >= 127 { return false }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
                 UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
                 UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="):
                return false
            default: continue
            }
        }
        return true
    }
}
