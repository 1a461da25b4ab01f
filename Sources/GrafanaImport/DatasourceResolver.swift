/// Decides whether a panel's or query's `datasource` is Prometheus. Grafana writes it as null (the
/// default data source), a name, a `${DS_X}` variable, or `{type, uid}`; variables and
/// `__inputs` say which plugin a name stands for.
struct DatasourceResolver {
    enum Kind: Hashable {
        case prometheus
        /// `-- Mixed --`: each query names its own.
        case mixed
        /// Anything else, with a name for the note.
        case other(String)
    }

    /// Plugin ids by data source name or variable name (`DS_PROMETHEUS` → `prometheus`).
    private var plugins: [String: String] = [:]
    /// Whether the dashboard's `__requires` names data source plugins other than Prometheus only.
    private var requiresOnlyOthers = false

    init(dashboard: JSONValue) {
        for input in dashboard["__inputs"]?.array ?? [] {
            guard let plugin = input["pluginId"]?.string else { continue }
            if let name = input["name"]?.string { plugins[name] = plugin }
            if let label = input["label"]?.string { plugins[label] = plugin }
        }
        for v in dashboard["templating"]?["list"]?.array ?? [] where v["type"]?.string == "datasource" {
            guard let name = v["name"]?.string, let plugin = v["query"]?.string else { continue }
            plugins[name] = plugin
        }
        let required = (dashboard["__requires"]?.array ?? []).filter { $0["type"]?.string == "datasource" }.compactMap { $0["id"]?.string }
        requiresOnlyOthers = !required.isEmpty && !required.contains("prometheus")
    }

    func kind(_ ds: JSONValue?) -> Kind {
        guard let ds, !ds.isNull else { return requiresOnlyOthers ? .other("the default data source") : .prometheus }
        if let name = ds.string { return kind(name: name) }
        if let type = ds["type"]?.string, !type.isEmpty {
            switch type {
            case "prometheus": return .prometheus
            case "datasource":
                let uid = ds["uid"]?.string ?? ""
                return uid == "-- Mixed --" ? .mixed : .other(uid == "grafana" ? "Grafana's built-in data source" : uid)
            case "__expr__": return .other("server-side expressions")
            default:
                if type.hasPrefix("$") { return kind(name: type) }
                return .other(type)
            }
        }
        if let uid = ds["uid"]?.string { return kind(name: uid) }
        return .prometheus
    }

    private func kind(name: String) -> Kind {
        switch name {
        case "-- Mixed --": return .mixed
        case "-- Grafana --", "grafana": return .other("Grafana's built-in data source")
        case "-- Dashboard --": return .other("another panel's results (-- Dashboard --)")
        default: break
        }
        var key = name
        if key.hasPrefix("${") && key.hasSuffix("}") { key = String(key.dropFirst(2).dropLast()) } else if key.hasPrefix("$") { key = String(key.dropFirst()) }
        if let plugin = plugins[key] ?? plugins[name] {
            return plugin == "prometheus" ? .prometheus : .other(plugin)
        }
        let lower = name.lowercased()
        for other in ["loki", "elasticsearch", "influx", "graphite", "mysql", "postgres", "cloudwatch", "tempo", "jaeger", "testdata"]
        where lower.contains(other) {
            return .other(name)
        }
        return requiresOnlyOthers ? .other(name) : .prometheus
    }
}
