import Foundation

/// Reads untrusted JSON bytes into a `JSONValue` with Foundation's `JSONSerialization`, with the
/// bounds a poll needs: a size cap, a nesting cap (Foundation itself refuses more than 512 levels;
/// ours is checked again while converting), and errors that say `line:col` instead of a byte offset.
public enum JSONDocument {
    /// Why a document was refused.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The deepest nesting accepted.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8], maxBytes: Int = 0) throws(ParseError) -> JSONValue {
        if maxBytes > 0 && bytes.count > maxBytes {
            throw ParseError(description: "the JSON document is \(bytes.count) bytes, more than the limit of \(maxBytes)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw ParseError(description: "invalid JSON: " + describe(error, in: bytes))
        }
        return try convert(object, depth: 0)
    }

    private static func convert(_ object: Any, depth: Int) throws(ParseError) -> JSONValue {
        guard depth <= maxDepth else {
            throw ParseError(description: "invalid JSON: nested more than \(maxDepth) levels deep")
        }
        switch object {
        case let s as String:
            return .string(s)
        case let n as NSNumber:
            // JSONSerialization gives booleans as NSNumber of ObjC type "c"; numbers never use it.
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let a as [Any]:
            var out: [JSONValue] = []
            out.reserveCapacity(a.count)
            for item in a { out.append(try convert(item, depth: depth + 1)) }
            return .array(out)
        case let d as [String: Any]:
            var out: [String: JSONValue] = [:]
            out.reserveCapacity(d.count)
            for (k, v) in d { out[k] = try convert(v, depth: depth + 1) }
            return .object(out)
        default:
            return .null
        }
    }

    /// Foundation's message with "around character N" turned into "at line L, column C".
    static func describe(_ error: any Error, in bytes: [UInt8]) -> String {
        let ns = error as NSError
        var text = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        if let range = text.range(of: #"around (line \d+, column \d+|character \d+)"#, options: .regularExpression) {
            let phrase = text[range]
            if phrase.contains("character"), let offset = Int(phrase.split(separator: " ").last ?? "") {
                let (line, column) = lineColumn(offset, in: bytes)
                text.replaceSubrange(range, with: "at line \(line), column \(column)")
            }
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineColumn(_ offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes.prefix(max(0, offset)) {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
