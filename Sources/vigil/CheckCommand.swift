import Arguments
import Config
import Foundation
import YAML

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

    /// Reads a rule file as YAML and checks its outline (groups with names and rules).
    static func checkRuleFile(_ file: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: file) else {
            return ["\(file):1:1: cannot read the rule file"]
        }
        let root: YAMLNode?
        do {
            root = try YAML.load(bytes: [UInt8](data), file: file)
        } catch {
            return [error.description]
        }
        guard let root else { return [] }
        guard case .mapping = root, let groups = root["groups"] else {
            return ["\(file):\(root.mark.line):\(root.mark.column): a rule file is a mapping with a 'groups' list"]
        }
        guard case .sequence(let seq) = groups else {
            return ["\(file):\(groups.mark.line):\(groups.mark.column): 'groups' must be a list"]
        }
        var problems: [String] = []
        for g in seq.items where g["name"]?.string == nil {
            problems.append("\(file):\(g.mark.line):\(g.mark.column): groupname must not be empty")
        }
        return problems
    }
}
