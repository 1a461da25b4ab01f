import Foundation

/// Calendar functions (`hour`, `day_of_week`, ...) over Unix seconds, in UTC.
extension Functions {
    enum DatePart { case minute, hour, dayOfWeek, dayOfMonth, dayOfYear, daysInMonth, month, year }

    static let dateFunctions: [String: DatePart] = [
        "minute": .minute, "hour": .hour, "day_of_week": .dayOfWeek, "day_of_month": .dayOfMonth,
        "day_of_year": .dayOfYear, "days_in_month": .daysInMonth, "month": .month, "year": .year,
    ]

    static func date(_ c: FunctionCall, _ part: DatePart) -> Value {
        let input = c.argCount == 0
            ? [VectorSample(labels: .empty, value: Double(c.ts) / 1000, t: c.ts)]
            : c.vector(0)
        return .vector(input.map { s in
            var v = s.value
            if v.isFinite { v = Double(datePart(Int64(v.rounded(.towardZero)), part)) }
            return VectorSample(labels: s.labels, value: v, t: c.ts, dropName: true)
        })
    }

    static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func datePart(_ secs: Int64, _ part: DatePart) -> Int64 {
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 {
            rem += 86_400
            days -= 1
        }
        switch part {
        case .minute: return (rem / 60) % 60
        case .hour: return rem / 3600
        case .dayOfWeek: return ((days % 7) + 7 + 4) % 7
        default: break
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        let monthDays: [Int64] = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        switch part {
        case .dayOfMonth: return d
        case .month: return m
        case .year: return y
        case .daysInMonth: return monthDays[Int(m - 1)]
        case .dayOfYear: return monthDays[0..<Int(m - 1)].reduce(0, +) + d
        default: return 0
        }
    }
}
