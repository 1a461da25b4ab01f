@testable import Exposition

/// Helpers shared by the exposition tests.
enum TestSupport {
    /// A deliberately simple value formatter for the printer (the app wires Go's formatter in).
    @Sendable static func formatValue(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static let printer = CanonicalPrinter(formatValue: formatValue)

    /// Canonical lines for `text`, or the error.
    static func lines(_ text: String, _ format: ExpositionFormat) -> Result<[String], ExpositionError> {
        lines(Array(text.utf8), format)
    }

    static func lines(_ bytes: [UInt8], _ format: ExpositionFormat) -> Result<[String], ExpositionError> {
        do {
            let out = try printer.render(bytes: bytes, format: format)
            return .success(out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        } catch {
            return .failure(error)
        }
    }

    /// The error for `bytes`, if parsing fails.
    static func error(_ bytes: [UInt8], _ format: ExpositionFormat) -> ExpositionError? {
        var parser = ExpositionParser(bytes: bytes, format: format)
        do {
            while try parser.next() != nil {}
            return nil
        } catch {
            return error
        }
    }
}
