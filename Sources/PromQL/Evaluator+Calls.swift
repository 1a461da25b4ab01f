import TimeSeries

/// Function calls: evaluates the arguments (a range-vector argument with its window) and runs
/// the implementation from `Functions.table`.
extension Evaluator {
    func evalCall(_ c: Call, _ ts: Int64) throws -> Value {
        let name = c.function.name
        if name == "timestamp", case .vectorSelector(let vs) = c.args[0].unwrapped {
            // Raw selector results keep their own sample timestamps here.
            let vec = selectVector(vs, ts, keepTimestamps: true)
            return .vector(vec.map {
                VectorSample(labels: $0.labels, value: Double($0.t) / 1000, t: ts, dropName: true)
            })
        }
        guard let impl = Functions.table[name] else {
            throw EvaluationError("function \"\(name)\" is not supported")
        }
        var args: [Value] = []
        var rangeStart: Int64 = 0, rangeEnd: Int64 = 0, range: Int64 = 0
        for a in c.args {
            switch a.unwrapped {
            case .matrixSelector(let ms):
                let (lo, hi, m) = selectMatrix(ms, ts)
                (rangeStart, rangeEnd, range) = (lo, hi, ms.range)
                args.append(.matrix(m))
            case .subquery(let sq):
                let (lo, hi, m) = try evalSubquery(sq, ts)
                (rangeStart, rangeEnd, range) = (lo, hi, sq.range)
                args.append(.matrix(m))
            default:
                args.append(try eval(a, ts))
            }
        }
        let ctx = FunctionCall(call: c, args: args, ts: ts, rangeStart: rangeStart, rangeEnd: rangeEnd,
                               range: range, evaluator: self)
        return try impl(ctx)
    }
}

/// What a function implementation sees: evaluated arguments and, for a range-vector argument,
/// its window `(rangeStart, rangeEnd]`.
struct FunctionCall {
    let call: Call
    let args: [Value]
    let ts: Int64
    let rangeStart: Int64
    let rangeEnd: Int64
    let range: Int64
    let evaluator: Evaluator

    func vector(_ i: Int) -> [VectorSample] {
        if case .vector(let v) = args[i] { return v }
        return []
    }

    func matrix(_ i: Int) -> [RangeSeries] {
        if case .matrix(let m) = args[i] { return m }
        return []
    }

    func scalar(_ i: Int) -> Double {
        if case .scalar(let s) = args[i] { return s }
        return .nan
    }

    func string(_ i: Int) -> String {
        if case .string(let s) = args[i] { return s }
        return ""
    }

    var argCount: Int { args.count }

    func position(_ i: Int) -> Int { call.args[i].position }
}
