/// Go's predefined template functions (`and`, `index`, `printf`, `eq`, ...), with the same
/// argument conventions and error texts as `text/template/funcs.go`.
enum BuiltinFunctions {
    static var all: [String: TemplateFunction] {
        [
            "and": TemplateFunction(params: [.any], variadic: .any, body: .and),
            "or": TemplateFunction(params: [.any], variadic: .any, body: .or),
            "not": TemplateFunction([.any]) { .bool(!$0[0].isTrue) },
            "len": TemplateFunction([.any]) { try length($0[0]) },
            "index": TemplateFunction([.any], variadic: .any) { try index($0[0], Array($0.dropFirst())) },
            "slice": TemplateFunction([.any], variadic: .any) { try slice($0[0], Array($0.dropFirst())) },
            "print": TemplateFunction([], variadic: .any) { .string(GoFormat.sprint($0)) },
            "println": TemplateFunction([], variadic: .any) { .string(GoFormat.sprintln($0)) },
            "printf": TemplateFunction([.string], variadic: .any) { args in
                guard case .string(let f) = args[0] else { return .string("") }
                return .string(GoFormat.sprintf(f, Array(args.dropFirst())))
            },
            "html": TemplateFunction([], variadic: .any) { .string(GoEscape.html(evalArgs($0))) },
            "js": TemplateFunction([], variadic: .any) { .string(GoEscape.js(evalArgs($0))) },
            "urlquery": TemplateFunction([], variadic: .any) { .string(GoEscape.queryEscape(evalArgs($0))) },
            "call": TemplateFunction([.any], variadic: .any) { args in
                if case .none = args[0] { throw FunctionError("call of nil") }
                throw FunctionError("non-function of type \(args[0].goTypeName)")
            },
            "eq": TemplateFunction([.any], variadic: .any) { .bool(try Comparison.eq($0[0], Array($0.dropFirst()))) },
            "ne": TemplateFunction([.any, .any]) { .bool(try !Comparison.eq($0[0], [$0[1]])) },
            "lt": TemplateFunction([.any, .any]) { .bool(try Comparison.lt($0[0], $0[1])) },
            "le": TemplateFunction([.any, .any]) { .bool(try Comparison.le($0[0], $0[1])) },
            "gt": TemplateFunction([.any, .any]) { .bool(try !Comparison.le($0[0], $0[1])) },
            "ge": TemplateFunction([.any, .any]) { .bool(try !Comparison.lt($0[0], $0[1])) },
        ]
    }

    /// `evalArgs`: a lone string as is, anything else through `fmt.Sprint`.
    static func evalArgs(_ args: [TemplateValue]) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        return GoFormat.sprint(args.map { if case .none = $0 { return .string("<no value>") } else { return $0 } })
    }

    static func length(_ v: TemplateValue) throws -> TemplateValue {
        switch v {
        case .string(let s): return .int(s.utf8.count)
        case .stringMap(let m): return .int(m.count)
        case .map(let m): return .int(m.count)
        case .array(let a, _): return .int(a.count)
        case .none: throw FunctionError("reflect: call of reflect.Value.Type on zero Value")
        case .time: throw FunctionError("len of type time.Time")
        case .record(let r): throw FunctionError("len of type \(r.isPointer ? String(r.typeName.dropFirst()) : r.typeName)")
        default: throw FunctionError("len of type \(v.goTypeName)")
        }
    }

    private static func intIndex(_ index: TemplateValue, cap: Int) throws -> Int {
        switch index {
        case .int(let x):
            if x < 0 || x > cap { throw FunctionError("index out of range: \(x)") }
            return x
        case .none: throw FunctionError("cannot index slice/array with nil")
        default: throw FunctionError("cannot index slice/array with type \(index.goTypeName)")
        }
    }

    private static func mapKey(_ index: TemplateValue) throws -> String {
        switch index {
        case .string(let s): return s
        case .none: throw FunctionError("value is nil; should be of type string")
        default: throw FunctionError("value has type \(index.goTypeName); should be string")
        }
    }

    static func index(_ item: TemplateValue, _ indexes: [TemplateValue]) throws -> TemplateValue {
        if case .none = item { throw FunctionError("index of untyped nil") }
        var item = item
        for index in indexes {
            switch item {
            case .none:
                throw FunctionError("index of nil pointer")
            case .array(let a, _):
                let x = try intIndex(index, cap: a.count)
                if x == a.count { throw FunctionError("reflect: slice index out of range") }
                item = a[x]
            case .string(let s):
                let bytes = Array(s.utf8)
                let x = try intIndex(index, cap: bytes.count)
                if x == bytes.count { throw FunctionError("reflect: string index out of range") }
                item = .int(Int(bytes[x]))
            case .stringMap(let m):
                item = .string(m[try mapKey(index)] ?? "")
            case .map(let m):
                item = m[try mapKey(index)] ?? .none
            case .time:
                throw FunctionError("can't index item of type time.Time")
            case .record(let r):
                throw FunctionError("can't index item of type \(r.isPointer ? String(r.typeName.dropFirst()) : r.typeName)")
            default:
                throw FunctionError("can't index item of type \(item.goTypeName)")
            }
        }
        return item
    }

    static func slice(_ item: TemplateValue, _ indexes: [TemplateValue]) throws -> TemplateValue {
        if case .none = item { throw FunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = s.utf8.count
        case .array(let a, _):
            count = a.count
        default:
            throw FunctionError("can't slice item of type \(item.goTypeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try intIndex(index, cap: count) }
        if idx[0] > idx[1] { throw FunctionError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw FunctionError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item {
        case .string(let s):
            return .string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self))
        case .array(let a, let t):
            return .array(Array(a[idx[0]..<idx[1]]), typeName: t)
        default:
            return .none
        }
    }
}
