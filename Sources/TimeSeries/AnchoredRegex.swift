/// A regular expression matched against the whole string, as Prometheus matches label regexes.
///
/// Literal patterns and plain alternations of literals skip the regex engine, since most
/// real selectors are of that form and the engine is slow per call.
public struct AnchoredRegex: @unchecked Sendable {
    public let pattern: String
    private let literals: Set<String>?
    private let regex: Regex<AnyRegexOutput>?

    public init(_ pattern: String) throws {
        self.pattern = pattern
        if let lits = AnchoredRegex.literalAlternation(pattern) {
            literals = lits
            regex = nil
        } else {
            literals = nil
            do {
                regex = try Regex("^(?:" + pattern + ")$")
            } catch {
                throw LabelMatcherError(message: "error parsing regexp: \(pattern): \(error)")
            }
        }
    }

    public func matches(_ s: String) -> Bool {
        if let literals { return literals.contains(s) }
        // Prometheus's `.` matches newlines too (it compiles with the `s` flag).
        return (try? regex!.dotMatchesNewlines().wholeMatch(in: s)) != nil
    }

    /// `a|b|c` with no metacharacters: the set of literal strings, else nil.
    private static func literalAlternation(_ p: String) -> Set<String>? {
        let meta: Set<Character> = ["\\", ".", "+", "*", "?", "(", ")", "[", "]", "{", "}", "^", "$"]
        if p.contains(where: { meta.contains($0) }) { return nil }
        return Set(p.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }
}
