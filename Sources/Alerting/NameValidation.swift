/// Label and metric name rules. Prometheus 3.x validates names as UTF-8 by default (any
/// non-empty valid UTF-8); the legacy scheme allows only `[a-zA-Z_][a-zA-Z0-9_]*` (plus `:`
/// in metric names).
public enum NameValidation: Sendable, Hashable {
    case utf8
    case legacy

    public func isValidLabelName(_ s: String) -> Bool {
        switch self {
        case .utf8: return !s.isEmpty
        case .legacy: return NameValidation.isLegacyLabelName(s)
        }
    }

    public func isValidMetricName(_ s: String) -> Bool {
        switch self {
        case .utf8: return !s.isEmpty
        case .legacy: return NameValidation.isLegacyMetricName(s)
        }
    }

    static func isLegacyLabelName(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    static func isLegacyMetricName(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else {
            return false
        }
        return s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
