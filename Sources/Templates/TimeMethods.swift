/// The `time.Time` methods templates call on `toTime` results, e.g. `(toTime $v).Format "2006"`.
enum TimeMethods {
    static let monthNames = GoTime.longMonths

    static func method(_ name: String, _ t: GoTime) -> TemplateFunction? {
        let c = t.civil
        switch name {
        case "Format": return TemplateFunction([.string]) { args in
            guard case .string(let layout) = args[0] else { return .string("") }
            return .string(t.format(layout))
        }
        case "String": return TemplateFunction([]) { _ in .string(t.description) }
        case "Unix": return TemplateFunction([]) { _ in .int(Int(t.seconds)) }
        case "UnixMilli": return TemplateFunction([]) { _ in .int(Int(t.seconds &* 1000 &+ t.nanoseconds / 1_000_000)) }
        case "UnixNano": return TemplateFunction([]) { _ in .int(Int(t.seconds &* 1_000_000_000 &+ t.nanoseconds)) }
        case "UTC", "Local": return TemplateFunction([]) { _ in .time(t) }
        case "Year": return TemplateFunction([]) { _ in .int(Int(c.year)) }
        case "Month": return TemplateFunction([]) { _ in .string(monthNames[c.month - 1]) }
        case "Day": return TemplateFunction([]) { _ in .int(c.day) }
        case "Hour": return TemplateFunction([]) { _ in .int(c.hour) }
        case "Minute": return TemplateFunction([]) { _ in .int(c.minute) }
        case "Second": return TemplateFunction([]) { _ in .int(c.second) }
        case "Nanosecond": return TemplateFunction([]) { _ in .int(Int(t.nanoseconds)) }
        case "YearDay": return TemplateFunction([]) { _ in .int(c.yearDay) }
        case "Weekday": return TemplateFunction([]) { _ in .string(GoTime.longDays[c.weekday]) }
        default: return nil
        }
    }
}
