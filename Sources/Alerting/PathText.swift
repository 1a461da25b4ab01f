#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path helpers for `rule_files`: joining relative to the test file and glob expansion.
enum PathText {
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `filepath.Join` for the common cases: drops `.` segments and doubled slashes.
    static func join(_ dir: String, _ rel: String) -> String {
        let absolute = dir.hasPrefix("/")
        var parts: [Substring] = []
        for p in (dir + "/" + rel).split(separator: "/") where p != "." {
            if p == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(p)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Files matching a shell pattern, sorted; a plain path matches itself when it exists.
    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        #if canImport(Glibc)
        let status = Glibc.glob(pattern, 0, nil, &g)
        #else
        let status = Darwin.glob(pattern, 0, nil, &g)
        #endif
        guard status == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out
    }
}
