import Config
@testable import GrafanaImport

/// Builds small dashboards for the unit tests.
enum Fixtures {
    /// A dashboard JSON with the given panels (JSON text) and template variables.
    static func dashboard(panels: [String], variables: [String] = [], extra: String = "") -> String {
        """
        {"title": "Test", "uid": "t1", \(extra)
         "templating": {"list": [\(variables.joined(separator: ","))]},
         "panels": [\(panels.joined(separator: ","))]}
        """
    }

    static func panel(_ title: String = "P", type: String = "timeseries", x: Int = 0, y: Int = 0, w: Int = 12, h: Int = 8,
                      exprs: [String] = ["up"], fieldConfig: String = "{}", extra: String = "") -> String {
        let targets = exprs.enumerated().map { i, e in
            "{\"refId\": \"\(Character(Unicode.Scalar(UInt8(65 + i))))\", \"expr\": \(quoted(e)), \"legendFormat\": \"{{instance}}\"}"
        }
        return """
        {"title": \(quoted(title)), "type": "\(type)", "datasource": {"type": "prometheus", "uid": "${DS_PROMETHEUS}"},
         "gridPos": {"x": \(x), "y": \(y), "w": \(w), "h": \(h)}, "fieldConfig": {"defaults": \(fieldConfig)},
         "targets": [\(targets.joined(separator: ","))] \(extra)}
        """
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static func convert(_ json: String, options: GrafanaImportOptions = GrafanaImportOptions()) throws -> GrafanaImportResult {
        try GrafanaImporter.convert(text: json, options: options)
    }

    static func allPanels(_ r: GrafanaImportResult) -> [PanelConfig] {
        r.dashboard.rows.flatMap(\.panels)
    }
}
