import PromQL
import TimeSeries
import YAML

/// Loads Prometheus rule files (`groups:` of recording and alerting rules) and rejects exactly
/// what Prometheus 3.x's `rulefmt.ParseFile` rejects, each problem as `file:line:col: message`.
public enum RuleFileLoader {
    /// Reads and validates the rule file at `path`.
    public static func load(path: String, options: RuleLoadOptions = RuleLoadOptions()) throws(RuleFileError) -> RuleFile {
        let bytes: [UInt8]
        do {
            bytes = try FileText.contents(path)
        } catch {
            throw RuleFileError([RuleDiagnostic(file: path, line: 1, column: 1, message: error.description)])
        }
        return try parse(bytes: bytes, file: path, options: options)
    }

    /// Validates rule-file bytes; `file` names the source in diagnostics.
    public static func parse(bytes: [UInt8], file: String, options: RuleLoadOptions = RuleLoadOptions()) throws(RuleFileError) -> RuleFile {
        let root: YAMLNode?
        do {
            // Prometheus decodes the first document of the stream only.
            root = try YAML.loadAll(bytes: bytes, file: file).first
        } catch {
            throw RuleFileError([RuleDiagnostic(file: file, line: error.line, column: error.column, message: error.message)])
        }
        var fields = YAMLFields(file: file)
        let raw = RawRuleFile.decode(root, fields: &fields, ignoreUnknown: options.ignoreUnknownFields)
        if !fields.errors.isEmpty { throw RuleFileError(fields.errors) }
        var validator = RuleValidator(file: file, names: options.nameValidation)
        let groups = validator.validate(raw)
        if !validator.errors.isEmpty { throw RuleFileError(validator.errors) }
        return RuleFile(path: file, groups: groups)
    }

    /// Validates rule-file text.
    public static func parse(text: String, file: String, options: RuleLoadOptions = RuleLoadOptions()) throws(RuleFileError) -> RuleFile {
        try parse(bytes: Array(text.utf8), file: file, options: options)
    }
}
