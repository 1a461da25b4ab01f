import Arguments
import Foundation
import PromQL

/// `vigil test promql FILE...`: runs Prometheus's PromQL test scripts (the `promqltest` format).
enum TestPromQLCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        var passed = 0, failed = 0, skipped = 0
        var out = StandardOutput()
        let verbose = args.flag("verbose")
        for path in args.positionals {
            let text: String
            do {
                text = String(decoding: try InputReader.readAll(path), as: UTF8.self)
            } catch {
                out.flush()
                printError("vigil test promql: \(error)")
                return .failure
            }
            let script: PromQLTestScript
            do {
                script = try PromQLTestScript.parse(text: text, file: path)
            } catch {
                out.write("\(error)")
                out.write("\(path): script error")
                failed += 1
                continue
            }
            let result = script.run()
            for c in result.cases {
                switch c.outcome {
                case .failed(let why):
                    out.write("FAIL \(c.file):\(c.line): \(c.expr)")
                    for line in why.split(separator: "\n", omittingEmptySubsequences: false) { out.write("    \(line)") }
                case .skipped(let why) where verbose:
                    out.write("SKIP \(c.file):\(c.line): \(c.expr) (\(why))")
                default:
                    break
                }
            }
            if let e = result.scriptError { out.write("\(path): \(e)") }
            out.write("\(path): \(result.passed) passed, \(result.failed) failed, \(result.skipped) skipped")
            passed += result.passed
            failed += result.failed + (result.scriptError == nil ? 0 : 1)
            skipped += result.skipped
        }
        out.write("\(passed) passed, \(failed) failed, \(skipped) skipped")
        out.flush()
        return failed == 0 ? .success : .failure
    }
}
