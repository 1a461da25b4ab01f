import Config
import PromQL

/// A line typed after `:`. Words the dashboard knows come first (`:q` quits even though `q` is a
/// valid metric name); anything else must be a PromQL expression, graphed on the ad-hoc dashboard.
public enum AppCommand: Hashable, Sendable {
    case quit
    case theme(String)
    case range(Int64)
    case reload
    case help
    case explore
    case alerts
    case query(String)

    /// Parses a command line (without the `:`); the error says what is wrong, with the position
    /// for PromQL syntax errors.
    public static func parse(_ line: String) -> Result<AppCommand, CommandError> {
        let text = line.trimmingSpaces
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let head = words.first else { return .failure(CommandError("empty command; try :help")) }
        let rest = words.dropFirst()
        switch head {
        case "q", "q!", "quit", "qa", "exit":
            return rest.isEmpty ? .success(.quit) : .failure(CommandError(":\(head) takes no argument"))
        case "theme", "colorscheme":
            guard rest.count == 1, let name = rest.first else { return .failure(CommandError("usage: :theme NAME")) }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }), name.count <= 64 else {
                return .failure(CommandError("bad theme name \"\(TerminalSafe.line(name))\""))
            }
            return .success(.theme(name))
        case "range", "window":
            guard rest.count == 1, let d = rest.first else { return .failure(CommandError("usage: :range 30m")) }
            switch PromDuration.parse(d) {
            case .success(let duration):
                guard duration.milliseconds >= TimeWindow.minimumDuration, duration.milliseconds <= TimeWindow.maximumDuration else {
                    return .failure(CommandError(":range must be between 1m and 30d"))
                }
                return .success(.range(duration.milliseconds))
            case .failure(let e):
                return .failure(CommandError("bad range \"\(TerminalSafe.line(d))\": \(e.reason)"))
            }
        case "reload", "r": return rest.isEmpty ? .success(.reload) : .failure(CommandError(":reload takes no argument"))
        case "help", "h": return .success(.help)
        case "explore": return .success(.explore)
        case "alerts": return .success(.alerts)
        default:
            do {
                _ = try Parser.parse(text)
                return .success(.query(text))
            } catch {
                return .failure(CommandError("not a command, and not PromQL: \(TerminalSafe.line(error.description))"))
            }
        }
    }
}

/// Why a command line was refused; shown under the prompt.
public struct CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
