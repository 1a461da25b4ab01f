import Config
import TimeSeries

/// Times on the replay command line and in its output: `--from` as RFC 3339, a Unix timestamp
/// (seconds, fractions allowed) or a duration from the start of the recording (`10m`, `+1h30m`);
/// output as RFC 3339 in UTC with milliseconds.
enum ReplayTime {
    enum Start: Equatable {
        case absolute(Int64)
        /// Milliseconds after the recording's first block.
        case relative(Int64)

        func resolve(recordingStart: Int64) -> Int64 {
            switch self {
            case .absolute(let t): return t
            case .relative(let d): return recordingStart &+ d
            }
        }
    }

    static func parseStart(_ text: String) -> Start? {
        if let t = CivilDate.parseRFC3339(text, leapSecond: true) { return .absolute(t) }
        if let t = parseUnix(text) { return .absolute(t) }
        let duration = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if case .success(let d) = PromDuration.parse(duration) { return .relative(d.milliseconds) }
        return nil
    }

    /// Unix seconds with an optional fraction, to milliseconds.
    static func parseUnix(_ s: String) -> Int64? {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), s.filter({ $0 == "." }).count <= 1,
              let seconds = Double(s), seconds.isFinite, seconds < 9.2e12 else { return nil }
        return Int64((seconds * 1000).rounded())
    }


    /// RFC 3339 in UTC with milliseconds: `2024-05-01T12:00:03.250Z`.
    static func format(_ ms: Int64) -> String {
        // Years 0001 to 9999; anything else (a hostile recording) as the raw number.
        guard ms >= -62_135_596_800_000 && ms <= 253_402_300_799_999 else { return String(ms) }
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = ms - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = CivilDate.civilFromDays(days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2)).\(pad(millis, 3))Z"
    }


}
