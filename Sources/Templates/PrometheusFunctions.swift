/// The function map Prometheus installs for alert templates (template/template.go), on top
/// of Go's builtins.
enum PrometheusFunctions {
    static func make(_ env: TemplateEnvironment) -> [String: TemplateFunction] {
        func string(_ v: TemplateValue) -> String {
            if case .string(let s) = v { return s }
            return ""
        }
        func sample(_ v: TemplateValue) throws -> TemplateRecord {
            guard case .record(let r) = v else {
                throw FunctionError("runtime error: invalid memory address or nil pointer dereference")
            }
            return r
        }
        func labels(_ r: TemplateRecord) -> [String: String] {
            if case .stringMap(let m)? = r.field("Labels") { return m }
            return [:]
        }
        func samples(_ v: TemplateValue) -> [TemplateValue] {
            if case .array(let items, _) = v { return items }
            return []
        }
        let unary: (@escaping (String) -> String) -> TemplateFunction = { f in
            TemplateFunction([.string]) { .string(f(string($0[0]))) }
        }
        let number: (@escaping (TemplateValue) throws -> String) -> TemplateFunction = { f in
            TemplateFunction([.any]) { .string(try f($0[0])) }
        }
        return [
            "query": TemplateFunction([.string]) { args in
                guard let query = env.query else { throw FunctionError("queries are not available") }
                let result: [QueryResultSample]
                do { result = try query(string(args[0])) } catch let e as FunctionError { throw e } catch {
                    throw FunctionError(String(describing: error))
                }
                return .array(result.map(\.templateValue), typeName: QueryResultSample.resultTypeName)
            },
            "first": TemplateFunction([.queryResult]) { args in
                guard let first = samples(args[0]).first else {
                    throw FunctionError("first() called on vector with no elements")
                }
                return first
            },
            "label": TemplateFunction([.string, .sample]) { .string(labels(try sample($0[1]))[string($0[0])] ?? "") },
            "value": TemplateFunction([.sample]) { try sample($0[0]).field("Value") ?? .none },
            "strvalue": TemplateFunction([.sample]) { .string(labels(try sample($0[0]))["__value__"] ?? "") },
            "args": TemplateFunction([], variadic: .any) { args in
                var m: [String: TemplateValue] = [:]
                for (i, a) in args.enumerated() { m["arg\(i)"] = a }
                return .map(m)
            },
            "reReplaceAll": TemplateFunction([.string, .string, .string]) {
                .string(try GoRegexp.replaceAll(string($0[0]), string($0[1]), string($0[2])))
            },
            "safeHtml": unary { $0 },
            "match": TemplateFunction([.string, .string]) { .bool(try GoRegexp.matches(string($0[0]), string($0[1]))) },
            "title": unary(TextCase.title),
            "toUpper": unary(TextCase.upper),
            "toLower": unary(TextCase.lower),
            "graphLink": unary { "/graph?g0.expr=\(GoEscape.queryEscape($0))&g0.tab=0" },
            "tableLink": unary { "/graph?g0.expr=\(GoEscape.queryEscape($0))&g0.tab=1" },
            "sortByLabel": TemplateFunction([.string, .queryResult]) { args in
                let key = string(args[0])
                let items = samples(args[1])
                let keyed = items.enumerated().map { (i, v) -> (String, Int, TemplateValue) in
                    let k: String
                    if case .record(let r) = v { k = labels(r)[key] ?? "" } else { k = "" }
                    return (k, i, v)
                }
                let sorted = keyed.sorted { a, b in
                    a.0 != b.0 ? Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8)) : a.1 < b.1
                }
                return .array(sorted.map(\.2), typeName: QueryResultSample.resultTypeName)
            },
            "stripPort": unary(HostPort.stripPort),
            "stripDomain": unary(HostPort.stripDomain),
            "humanize": number(Humanize.humanize),
            "humanize1024": number(Humanize.humanize1024),
            "humanizeDuration": number(Humanize.humanizeDuration),
            "humanizePercentage": number(Humanize.humanizePercentage),
            "humanizeTimestamp": number(Humanize.humanizeTimestamp),
            "toTime": TemplateFunction([.any]) { try Humanize.toTime($0[0]) },
            "pathPrefix": TemplateFunction([]) { _ in .string(env.pathPrefix) },
            "externalURL": TemplateFunction([]) { _ in .string(env.externalURL) },
            "parseDuration": TemplateFunction([.string]) { .float(Double(try PromDuration.parse(string($0[0]))) / 1e9) },
        ]
    }
}
