@testable import Templates

/// Expands like Prometheus's `Expander.Expand` with template name "test" and the test
/// suite's external URL, returning the output or Prometheus's wrapped error text.
func prometheusExpand(_ text: String, _ data: TemplateValue = .none, results: [QueryResultSample] = [],
                      limits: TemplateLimits = .default) -> String {
    let env = TemplateEnvironment(externalURL: "http://testhost:9090/path/prefix", query: { _ in results })
    let template: Template
    do {
        template = try Template(name: "test", text: text, environment: env, limits: limits)
    } catch let e as TemplateError {
        return "ERROR: error parsing template test: \(e.message)"
    } catch {
        return "ERROR: \(error)"
    }
    do {
        return try template.execute(data)
    } catch let e as TemplateError {
        return "ERROR: error executing template test: \(e.message)"
    } catch {
        return "ERROR: \(error)"
    }
}

func floats(_ xs: [Double]) -> TemplateValue { .array(xs.map { .float($0) }, typeName: "[]float64") }
func ints(_ xs: [Int]) -> TemplateValue { .array(xs.map { .int($0) }, typeName: "[]int64") }
func strings(_ xs: [String]) -> TemplateValue { .array(xs.map { .string($0) }, typeName: "[]string") }

let metricA = QueryResultSample(labels: ["__name__": "metric", "instance": "a"], value: 11)
let metricB = QueryResultSample(labels: ["__name__": "metric", "instance": "b"], value: 21)
