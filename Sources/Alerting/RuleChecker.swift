import PromQL
import TimeSeries

/// `promtool check rules`: loads each file with Prometheus's validation and adds promtool's
/// duplicate-rule lint (and a warning for expressions whose type can never be a rule result).
public enum RuleChecker {
    /// The outcome for one file.
    public struct FileResult: Sendable {
        public var file: String
        /// Number of rules when the file loaded; nil when it has errors.
        public var ruleCount: Int?
        public var diagnostics: [RuleDiagnostic]

        /// True when the file has errors (warnings alone do not fail it, as promtool without `--lint-fatal`).
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Every diagnostic of every file, in file order.
    public static func check(files: [String], options: RuleLoadOptions = RuleLoadOptions()) -> [RuleDiagnostic] {
        files.flatMap { checkFile($0, options: options).diagnostics }
    }

    public static func checkFile(_ path: String, options: RuleLoadOptions = RuleLoadOptions()) -> FileResult {
        let file: RuleFile
        do {
            file = try RuleFileLoader.load(path: path, options: options)
        } catch {
            return FileResult(file: path, ruleCount: nil, diagnostics: error.diagnostics)
        }
        return FileResult(file: path, ruleCount: file.ruleCount, diagnostics: lint(file))
    }

    /// Warnings for a loaded file: duplicate rules (same name and labels) and rules whose
    /// expression yields a range vector or a string, which fail at every evaluation.
    public static func lint(_ file: RuleFile) -> [RuleDiagnostic] {
        var out: [RuleDiagnostic] = []
        var seen: [String: Rule] = [:]
        var reported = Set<String>()
        for g in file.groups {
            for r in g.rules {
                let key = r.name + GoText.labels(r.labels)
                if seen[key] != nil {
                    if reported.insert(key).inserted {
                        let labels = r.labels.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
                        out.append(RuleDiagnostic(file: file.path, line: r.mark.line, column: r.mark.column,
                                                  message: "duplicate rule: metric \(r.name), label(s): [\(labels)]; might cause inconsistency while recording expressions",
                                                  severity: .warning))
                    }
                } else {
                    seen[key] = r
                }
                let type = r.query.type
                if type == .matrix || type == .string {
                    out.append(RuleDiagnostic(file: file.path, line: r.mark.line, column: r.mark.column,
                                              message: "group \(GoQuote.quote(g.name)), rule \(GoQuote.quote(r.name)): expression of type \(type.rawValue) fails at every evaluation (rule result is not a vector or scalar)",
                                              severity: .warning))
                }
            }
        }
        return out
    }
}
