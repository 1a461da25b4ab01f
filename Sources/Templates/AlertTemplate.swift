/// The one-call front door for alert rules: expands a `labels`/`annotations` template the
/// way Prometheus's alerting rule does, returning its `<error expanding template: ...>` text
/// on failure instead of throwing.
public enum AlertTemplate {
    /// The variables Prometheus prepends to every alert template.
    public static let definitions =
        "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"

    public static func expand(text: String, name: String, labels: [String: String],
                              externalLabels: [String: String] = [:], externalURL: String = "",
                              value: Double, query: QueryFunction? = nil,
                              limits: TemplateLimits = .default) -> String {
        let data = AlertTemplateData(labels: labels, externalLabels: externalLabels, externalURL: externalURL, value: value)
        return expand(text: text, name: name, data: data, query: query, limits: limits)
    }

    public static func expand(text: String, name: String, data: AlertTemplateData, query: QueryFunction? = nil,
                              limits: TemplateLimits = .default) -> String {
        switch expandResult(text: text, name: name, data: data, query: query, limits: limits) {
        case .success(let s): return s
        case .failure(let e): return "<error expanding template: \(e.message)>"
        }
    }

    /// The expansion or Prometheus's wrapped error (`error parsing template NAME: ...`).
    public static func expandResult(text: String, name: String, data: AlertTemplateData, query: QueryFunction? = nil,
                                    limits: TemplateLimits = .default) -> Result<String, TemplateError> {
        let templateName = "__alert_" + name
        let environment = TemplateEnvironment(externalURL: data.externalURL, query: query)
        let template: Template
        do {
            template = try Template(name: templateName, text: definitions + text, environment: environment, limits: limits)
        } catch let e as TemplateError {
            return .failure(TemplateError(.parse, "error parsing template \(templateName): \(e.message)"))
        } catch {
            return .failure(TemplateError(.parse, "error parsing template \(templateName): \(error)"))
        }
        do {
            return .success(try template.execute(data.templateValue))
        } catch let e as TemplateError {
            return .failure(TemplateError(.execution, "error executing template \(templateName): \(e.message)"))
        } catch {
            return .failure(TemplateError(.execution, "error executing template \(templateName): \(error)"))
        }
    }
}
