extension GoTime {
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Go's `Time.Format` for the layout elements of the reference time
    /// `Mon Jan 2 15:04:05 MST 2006`, in UTC.
    public func format(_ layout: String) -> String {
        let c = civil
        var out = ""
        var rest = Substring(layout)
        func pad(_ v: Int64, _ width: Int, _ fill: Character = "0") -> String {
            let s = String(v.magnitude)
            let body = s.count < width ? String(repeating: fill, count: width - s.count) + s : s
            return v < 0 ? "-" + body : body
        }
        func take(_ p: String) -> Bool {
            guard rest.hasPrefix(p) else { return false }
            rest = rest.dropFirst(p.count)
            return true
        }
        while let ch = rest.first {
            if take("January") { out += GoTime.longMonths[c.month - 1] }
            else if take("Jan") { out += String(GoTime.longMonths[c.month - 1].prefix(3)) }
            else if take("Monday") { out += GoTime.longDays[c.weekday] }
            else if take("Mon") { out += String(GoTime.longDays[c.weekday].prefix(3)) }
            else if take("MST") { out += "UTC" }
            else if take("2006") { out += pad(c.year, 4) }
            else if take("002") { out += pad(Int64(c.yearDay), 3) }
            else if take("01") { out += pad(Int64(c.month), 2) }
            else if take("02") { out += pad(Int64(c.day), 2) }
            else if take("03") { out += pad(Int64(c.hour % 12 == 0 ? 12 : c.hour % 12), 2) }
            else if take("04") { out += pad(Int64(c.minute), 2) }
            else if take("05") { out += pad(Int64(c.second), 2) }
            else if take("06") { out += pad(c.year % 100, 2) }
            else if take("15") { out += pad(Int64(c.hour), 2) }
            else if take("__2") { out += pad(Int64(c.yearDay), 3, " ") }
            else if take("_2") { out += pad(Int64(c.day), 2, " ") }
            else if take("PM") { out += c.hour >= 12 ? "PM" : "AM" }
            else if take("pm") { out += c.hour >= 12 ? "pm" : "am" }
            else if take("Z07:00:00") || take("Z07:00") || take("Z070000") || take("Z0700") || take("Z07") { out += "Z" }
            else if take("-07:00:00") { out += "+00:00:00" }
            else if take("-070000") { out += "+000000" }
            else if take("-07:00") { out += "+00:00" }
            else if take("-0700") { out += "+0000" }
            else if take("-07") { out += "+00" }
            else if (ch == "." || ch == ",") && isFraction(rest) {
                let digits = rest.dropFirst().prefix { $0 == "0" || $0 == "9" }
                rest = rest.dropFirst(1 + digits.count)
                var frac = pad(nanoseconds, 9)
                frac = String(frac.prefix(digits.count))
                if digits.first == "9" {
                    while frac.last == "0" { frac.removeLast() }
                    if !frac.isEmpty { out += String(ch) + frac }
                } else {
                    out += String(ch) + frac
                }
            }
            else if take("1") { out += String(c.month) }
            else if take("2") { out += String(c.day) }
            else if take("3") { out += String(c.hour % 12 == 0 ? 12 : c.hour % 12) }
            else if take("4") { out += String(c.minute) }
            else if take("5") { out += String(c.second) }
            else {
                out.append(ch)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// A run of `0`s or `9`s after `.`/`,` not followed by another digit.
    private func isFraction(_ s: Substring) -> Bool {
        let body = s.dropFirst()
        guard let first = body.first, first == "0" || first == "9" else { return false }
        let run = body.prefix { $0 == first }
        let after = body.dropFirst(run.count).first
        return !(after?.isNumber ?? false)
    }
}
