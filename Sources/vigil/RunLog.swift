import Foundation
import Synchronization

/// Structured log of a run: logfmt lines (`ts=… level=… msg="…" key=value`) on standard error
/// when headless, and the latest entries kept for the dashboard. Values are quoted and escaped,
/// so nothing from the network can forge a line or reach the terminal as a control sequence.
final class RunLog: Sendable {
    enum Level: String, Sendable { case debug, info, warn, error }

    struct Entry: Sendable {
        var time: Int64
        var level: Level
        var message: String
    }

    private let echo: Bool
    private let entries = Mutex<[Entry]>([])
    private static let keep = 200

    init(echo: Bool) { self.echo = echo }

    func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var line = "ts=\(RunLog.timestamp(now)) level=\(level.rawValue) msg=\(RunLog.quote(message))"
        for (k, v) in fields { line += " \(k)=\(RunLog.value(v))" }
        entries.withLock { e in
            e.append(Entry(time: now, level: level, message: line))
            if e.count > RunLog.keep { e.removeFirst(e.count - RunLog.keep) }
        }
        if echo { printError(line) }
    }

    func info(_ m: String, _ f: KeyValuePairs<String, String> = [:]) { log(.info, m, f) }
    func warn(_ m: String, _ f: KeyValuePairs<String, String> = [:]) { log(.warn, m, f) }
    func error(_ m: String, _ f: KeyValuePairs<String, String> = [:]) { log(.error, m, f) }

    var recent: [Entry] { entries.withLock { $0 } }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ ms: Int64) -> String {
        var t = time_t(ms / 1000)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1,
                      Int(tmv.tm_mday), Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec), Int(ms % 1000))
    }

    /// A bare value when it is a plain token, else quoted.
    static func value(_ v: String) -> String {
        let plain = !v.isEmpty && v.unicodeScalars.allSatisfy {
            ($0.value > 0x20 && $0.value < 0x7F) && $0 != "\"" && $0 != "=" && $0 != "\\"
        }
        return plain ? v : quote(v)
    }

    /// Double-quoted with `\"`, `\\`, `\n`, `\t` and `\u{…}` for every other control character.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value)
                    || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
