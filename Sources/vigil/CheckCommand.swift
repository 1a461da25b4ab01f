import Arguments
import Config
import Foundation
import Alerting

/// `vigil check`: validates the config and each rule file it names; exit 0 or 2.
enum CheckCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        let flag = args.positionals.first ?? args.value("config")
        switch ConfigSelection.load(flag: flag) {
        case .none:
            printError("vigil check: no config file found (looked for $VIGIL_CONFIG, ./vigil.yml, $XDG_CONFIG_HOME/vigil/config.yml)")
            return .usage
        case .failed(let errors):
            for e in errors.errors { printError(e.description) }
            return .usage
        case .loaded(let config, let location):
            var problems: [String] = []
            var ruleFiles = 0
            for pattern in config.ruleFiles {
                let files = RuleFileGlob.expand(pattern)
                for file in files {
                    ruleFiles += 1
                    problems += checkRuleFile(file)
                }
            }
            for p in problems { printError(p) }
            guard problems.isEmpty else { return .usage }
            print("\(location.path): OK (\(config.sources.count) sources, \(config.dashboards.count) dashboards, \(ruleFiles) rule files)")
            return .success
        }
    }

    /// Validates a rule file as `promtool check rules` does; warnings are printed, not counted.
    static func checkRuleFile(_ file: String) -> [String] {
        let result = RuleChecker.checkFile(file)
        for d in result.diagnostics where d.severity != .error { printError("\(d.description) (warning)") }
        return result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }
}
