import Alerting
import Arguments
import Foundation

/// `vigil test rules FILE...`: promtool's rule unit-test format, with promtool's outcome and output.
enum TestRulesCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        let options = RuleTestOptions(run: args.all("run"), ignoreUnknownFields: args.flag("ignore-unknown-fields"))
        let report = RuleTestRunner.run(files: args.positionals, options: options)
        for (stream, text) in report.output {
            switch stream {
            case .stdout: FileHandle.standardOutput.write(Data(text.utf8))
            case .stderr: FileHandle.standardError.write(Data(text.utf8))
            }
        }
        return report.exitCode == 0 ? .success : .failure
    }
}
