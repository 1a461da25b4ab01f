import Alerting
import Arguments
import Foundation

/// `vigil check rules FILE...`: validates rule files as `promtool check rules` does.
enum CheckRulesCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        let options = RuleLoadOptions(ignoreUnknownFields: args.flag("ignore-unknown-fields"))
        var failed = false
        for file in args.positionals {
            let result = RuleChecker.checkFile(file, options: options)
            for d in result.diagnostics {
                printError(d.severity == .error ? d.description : "\(d.description) (warning)")
            }
            if result.failed {
                failed = true
                printError("\(file): FAILED")
            } else {
                print("\(file): SUCCESS: \(result.ruleCount ?? 0) rules found")
            }
        }
        return failed ? .failure : .success
    }
}
