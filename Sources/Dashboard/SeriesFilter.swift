/// The `/` filter: a regular expression a series name must contain a match of. An invalid pattern
/// is an error message for the prompt, never a crash.
public struct SeriesFilter {
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `pattern`; the error text says what is wrong with it.
    public init(_ pattern: String) throws(FilterError) {
        self.pattern = pattern
        do {
            regex = try Regex(pattern)
        } catch {
            throw FilterError(message: "bad filter /\(TerminalSafe.line(pattern))/: \(TerminalSafe.line(String(describing: error)))")
        }
    }

    public func matches(_ name: String) -> Bool {
        (try? regex.firstMatch(in: name)) != nil
    }

    /// Checks a pattern without keeping it: nil when it compiles, else the message.
    public static func check(_ pattern: String) -> String? {
        do {
            _ = try SeriesFilter(pattern)
            return nil
        } catch {
            return error.message
        }
    }
}

public struct FilterError: Error, Hashable, Sendable {
    public var message: String
}
