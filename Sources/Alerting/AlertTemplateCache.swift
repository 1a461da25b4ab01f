import Templates

/// Expands alert label and annotation templates as Prometheus does, but parses each template
/// text once per group instead of at every evaluation: the `query` function reads the current
/// evaluation's query closure from a box that is set before each expansion.
///
/// Used only under its `RuleGroupEvaluator`'s lock.
struct AlertTemplateCache {
    /// Holds the query function of the evaluation in progress.
    final class QueryBox {
        var function: QueryFunction?
    }

    private struct Key: Hashable {
        var rule: String
        var text: String
    }

    private let box = QueryBox()

    /// True when `text` contains `{{`, the start of a template action.
    static func hasAction(_ text: String) -> Bool {
        var previousBrace = false
        for b in text.utf8 {
            if b == UInt8(ascii: "{") {
                if previousBrace { return true }
                previousBrace = true
            } else {
                previousBrace = false
            }
        }
        return false
    }
    private var parsed: [Key: Result<Template, TemplateError>] = [:]

    /// The expansion, or Prometheus's `<error expanding template: ...>` text.
    mutating func expand(_ text: String, rule: String, data: AlertTemplateData, query: @escaping QueryFunction) -> String {
        // Text without actions expands to itself (the variable definitions print nothing).
        if !AlertTemplateCache.hasAction(text) { return text }
        box.function = query
        let key = Key(rule: rule, text: text)
        let name = "__alert_" + rule
        let template: Result<Template, TemplateError>
        if let t = parsed[key] {
            template = t
        } else {
            let box = self.box
            let environment = TemplateEnvironment(externalURL: data.externalURL, query: { q in
                guard let f = box.function else { return [] }
                return try f(q)
            })
            do {
                template = .success(try Template(name: name, text: AlertTemplate.definitions + text, environment: environment))
            } catch let e as TemplateError {
                template = .failure(e)
            } catch {
                template = .failure(TemplateError(.parse, "\(error)"))
            }
            parsed[key] = template
        }
        switch template {
        case .failure(let e):
            return "<error expanding template: error parsing template \(name): \(e.message)>"
        case .success(let t):
            do {
                return try t.execute(data.templateValue)
            } catch let e as TemplateError {
                return "<error expanding template: error executing template \(name): \(e.message)>"
            } catch {
                return "<error expanding template: error executing template \(name): \(error)>"
            }
        }
    }
}
