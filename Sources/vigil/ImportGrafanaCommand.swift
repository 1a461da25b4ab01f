import Arguments
import Foundation
import GrafanaImport

/// `vigil import grafana DASHBOARD.json`: a Grafana dashboard over Prometheus as a Vigil dashboard.
/// The YAML goes to standard output (or `--output`), what could not be converted to standard error.
enum ImportGrafanaCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        let path = args.positionals[0]
        let bytes: [UInt8]
        do {
            bytes = try InputReader.readAll(path)
        } catch {
            printError("vigil import grafana: \(error)")
            return .failure
        }
        let result: GrafanaImportResult
        do {
            result = try GrafanaImporter.convert(json: bytes)
        } catch {
            printError("\(path):\(error)")
            return .failure
        }
        if let out = args.value("output") {
            do {
                try result.yaml.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                printError("vigil import grafana: cannot write \(out): \(error.localizedDescription)")
                return .failure
            }
        } else {
            print(result.yaml, terminator: result.yaml.hasSuffix("\n") ? "" : "\n")
        }
        for note in result.notes { printError("note: \(note)") }
        printError("converted \(result.panelCount) of \(result.sourcePanelCount) panels; \(result.notes.count) notes")
        return .success
    }
}
