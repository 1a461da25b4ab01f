/// Writes Prometheus text exposition (HELP, TYPE, samples) for the demo's pages, with label values
/// escaped and numbers in the shortest form that reads back exactly.
struct DemoExpositionWriter {
    private(set) var bytes: [UInt8] = []

    mutating func family(_ name: String, _ type: String, _ help: String) {
        bytes += Array("# HELP \(name) \(help)\n# TYPE \(name) \(type)\n".utf8)
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        var line = name
        if !labels.isEmpty {
            line += "{" + labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        line += " " + Self.number(value) + "\n"
        bytes += Array(line.utf8)
    }

    /// `12`, `0.005`, `1.5e+09` → integers without a fraction, everything else as Swift prints it
    /// (shortest round-trip digits, which Go's ParseFloat reads too).
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}
