/// The two YAML shapes beanstalkd writes (`list-tubes`: `---\n- name\n`, `stats-tube`:
/// `---\nkey: value\n`), read line by line. Values may be double-quoted (beanstalkd 1.13+
/// quotes names); anything else in the reply is an error naming the line.
enum BeanstalkYAML {
    static func list(_ data: [UInt8]) throws(PollError) -> [String] {
        var out: [String] = []
        for (number, line) in try lines(data) {
            guard line.hasPrefix("- ") else {
                throw PollError("list-tubes reply line \(number): expected \"- NAME\", found \"\(BrokerHTTP.printable(line, max: 40))\"")
            }
            out.append(unquote(String(line.dropFirst(2))))
        }
        return out
    }

    static func mapping(_ data: [UInt8]) throws(PollError) -> [String: String] {
        var out: [String: String] = [:]
        for (number, line) in try lines(data) {
            guard let colon = line.firstIndex(of: ":") else {
                throw PollError("stats reply line \(number): expected \"key: value\", found \"\(BrokerHTTP.printable(line, max: 40))\"")
            }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            out[String(line[..<colon])] = unquote(String(value))
        }
        return out
    }

    /// Non-empty lines after the `---` document marker, numbered from 1.
    private static func lines(_ data: [UInt8]) throws(PollError) -> [(Int, String)] {
        let text = String(decoding: data, as: UTF8.self)
        var out: [(Int, String)] = []
        var sawMarker = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty { continue }
            if !sawMarker && line == "---" { sawMarker = true; continue }
            out.append((i + 1, line))
        }
        return out
    }

    private static func unquote(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return s }
        return String(s.dropFirst().dropLast())
    }
}
