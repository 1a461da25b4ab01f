import Arguments
import Exposition
import Foundation
import TimeSeries

/// `vigil parse`: prints every sample of an exposition canonically, or the first error.
enum ParseCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        let format: ExpositionFormat
        switch args.value("format") ?? "prometheus" {
        case "prometheus", "text", "prometheus-text": format = .prometheusText
        case "openmetrics", "om": format = .openMetrics
        case let other:
            return Vigil.usage(UsageError(
                "unknown format '\(other)' (expected prometheus or openmetrics)", command: "vigil parse"))
        }
        let path = args.positionals[0]
        let bytes: [UInt8]
        do {
            bytes = try InputReader.readAll(path)
        } catch {
            printError("vigil parse: \(error)")
            return .failure
        }
        var out = StandardOutput()
        let printer = CanonicalPrinter(formatValue: GoFloat.format)
        var parser = ExpositionParser(
            bytes: bytes, format: format,
            options: ExpositionOptions(strictNegativeObservations: args.flag("strict")))
        do throws(ExpositionError) {
            // Line by line through a buffer, so a huge input streams instead of building one string.
            while let entry = try parser.next() {
                if case .series = entry { out.write(printer.line(for: &parser)) }
            }
        } catch {
            out.flush()
            printError("\(error)")
            return .failure
        }
        out.flush()
        return .success
    }
}
