import Foundation
import YAML

/// Reads a Prometheus `file_sd` file: a JSON (`.json`) or YAML (`.yml`, `.yaml`) list of
/// `{targets: [...], labels: {...}}`, as Prometheus's file discovery does (JSON ignores unknown
/// keys like Go's `json.Unmarshal`; YAML is strict like `yaml.UnmarshalStrict`).
public enum FileSDReader {
    /// Larger files are refused: a target list is never that big, a runaway file could be.
    public static let maxFileBytes = 16 << 20

    /// The file extensions file discovery reads.
    public static func isSupported(_ path: String) -> Bool {
        ["json", "yml", "yaml"].contains((path as NSString).pathExtension.lowercased())
    }

    public static func read(_ path: String) throws(FileSDError) -> [FileSDGroup] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileSDError(file: path, message: "cannot open the file")
        }
        defer { try? handle.close() }
        let data: Data?
        do { data = try handle.read(upToCount: maxFileBytes + 1) } catch {
            throw FileSDError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= maxFileBytes else {
            throw FileSDError(file: path, message: "larger than \(maxFileBytes >> 20) MiB")
        }
        return try parse(bytes, path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(FileSDError) -> [FileSDGroup] {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return try parseJSON(bytes, path: path)
        case "yml", "yaml": return try parseYAML(bytes, path: path)
        default: throw FileSDError(file: path, message: "file_sd reads .json, .yml and .yaml files only")
        }
    }

    // MARK: JSON

    private static func parseJSON(_ bytes: [UInt8], path: String) throws(FileSDError) -> [FileSDGroup] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
            let text = JSONDocument.describe(error, in: bytes)
            if let (line, column) = position(in: text) {
                throw FileSDError(file: path, line: line, column: column, message: "invalid JSON: " + text)
            }
            throw FileSDError(file: path, message: "invalid JSON: " + text)
        }
        if object is NSNull { return [] }
        guard let list = object as? [Any] else {
            throw FileSDError(file: path, message: "expected a list of target groups ([{\"targets\": [...], \"labels\": {...}}])")
        }
        var groups: [FileSDGroup] = []
        for (i, item) in list.enumerated() {
            let what = "target group \(i + 1)"
            guard let g = item as? [String: Any] else {
                throw FileSDError(file: path, message: "\(what) must be an object with \"targets\" and \"labels\"")
            }
            var targets: [String] = []
            if let t = g["targets"], !(t is NSNull) {
                guard let list = t as? [Any] else { throw FileSDError(file: path, message: "\(what): \"targets\" must be a list of strings") }
                for (j, v) in list.enumerated() {
                    guard let s = v as? String else {
                        throw FileSDError(file: path, message: "\(what): target \(j + 1) must be a string like \"host:9100\"")
                    }
                    try checkTarget(s, path: path, what: what)
                    targets.append(s)
                }
            }
            var labels: [String: String] = [:]
            if let l = g["labels"], !(l is NSNull) {
                guard let map = l as? [String: Any] else { throw FileSDError(file: path, message: "\(what): \"labels\" must be an object of strings") }
                for (k, v) in map {
                    guard let s = v as? String else {
                        throw FileSDError(file: path, message: "\(what): label \"\(k)\" must be a string")
                    }
                    try checkLabel(k, path: path, what: what)
                    labels[k] = s
                }
            }
            groups.append(group(targets, labels, path, i))
        }
        return groups
    }

    /// "at line L, column C" in a message from `JSONDocument.describe`.
    private static func position(in text: String) -> (Int, Int)? {
        guard let r = text.range(of: #"at line \d+, column \d+"#, options: .regularExpression) else { return nil }
        let numbers = text[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    // MARK: YAML

    private static func parseYAML(_ bytes: [UInt8], path: String) throws(FileSDError) -> [FileSDGroup] {
        let root: YAMLNode?
        do { root = try YAML.load(bytes: bytes, file: path) } catch {
            throw FileSDError(file: path, line: error.line, column: error.column, message: error.message)
        }
        guard let root, !root.isNull else { return [] }
        func fail(_ node: YAMLNode, _ message: String) -> FileSDError {
            FileSDError(file: path, line: node.mark.line, column: node.mark.column, message: message)
        }
        guard let list = root.sequence else {
            throw fail(root, "expected a list of target groups (- targets: [...]), found a \(root.kindName)")
        }
        var groups: [FileSDGroup] = []
        for (i, item) in list.items.enumerated() {
            let what = "target group \(i + 1)"
            guard let g = item.mapping else {
                throw fail(item, item.isNull ? "\(what) is empty" : "\(what) must be a mapping with targets and labels")
            }
            for entry in g.entries {
                let key = entry.key.string ?? ""
                if key != "targets" && key != "labels" {
                    throw fail(entry.key, "unknown field \"\(key)\" in \(what) (allowed: targets, labels)")
                }
            }
            var targets: [String] = []
            if let t = g["targets"], !t.isNull {
                guard let items = t.sequence?.items else { throw fail(t, "\"targets\" must be a list of strings") }
                for item in items {
                    guard let s = item.scalar, !s.isNull else { throw fail(item, "a target must be a string like host:9100") }
                    do { try checkTarget(s.value, path: path, what: what) } catch {
                        throw fail(item, error.message)
                    }
                    targets.append(s.value)
                }
            }
            var labels: [String: String] = [:]
            if let l = g["labels"], !l.isNull {
                guard let map = l.mapping else { throw fail(l, "\"labels\" must be a mapping of strings") }
                for entry in map.entries {
                    guard let k = entry.key.string else { throw fail(entry.key, "label names must be strings") }
                    guard let s = entry.value.scalar, !s.isNull else {
                        throw fail(entry.value, "label \"\(k)\" must be a string, found \(entry.value.kindName)")
                    }
                    do { try checkLabel(k, path: path, what: what) } catch { throw fail(entry.key, error.message) }
                    if labels[k] != nil { throw fail(entry.key, "label \"\(k)\" is given twice") }
                    labels[k] = s.value
                }
            }
            groups.append(group(targets, labels, path, i))
        }
        return groups
    }

    // MARK: shared

    private static func group(_ targets: [String], _ labels: [String: String], _ path: String, _ i: Int) -> FileSDGroup {
        var labels = labels
        labels["__meta_filepath"] = path
        return FileSDGroup(targets: targets, labels: labels, source: "\(path):\(i)")
    }

    /// `host:port`, `host` or `[v6]:port`: no scheme, path or spaces (Prometheus refuses them too).
    static func checkTarget(_ s: String, path: String, what: String) throws(FileSDError) {
        let bad = s.isEmpty || s.contains("/") || s.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
        if bad {
            let hint = s.contains("://") ? "; leave out the scheme (set scheme: on the source or a __scheme__ label)" : ""
            throw FileSDError(file: path, message: "\(what): invalid target \"\(s.prefix(80))\": expected host:port\(hint)")
        }
    }

    /// Prometheus 3 accepts any UTF-8 label name; Vigil stores classic names only, so refuse the rest clearly.
    static func checkLabel(_ k: String, path: String, what: String) throws(FileSDError) {
        guard let f = k.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic || f == "_",
              k.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        else {
            throw FileSDError(file: path, message: "\(what): invalid label name \"\(k.prefix(80))\": use letters, digits and '_', not starting with a digit")
        }
    }
}
