import Testing
@testable import Config

/// `map:` on a json value: string values (statuses) to numbers, with `"*"` for any other string.
@Suite struct JSONValueMapTests {
    func parse(_ value: String) throws -> Config {
        try ConfigLoader.parse(text: "sources:\n  - {name: j, kind: json, url: 'http://h', json: {values: [\(value)]}}\n", file: "c.yml")
    }

    @Test func decodesNumbers() throws {
        let c = try parse("{path: $.status, name: up, map: {UP: 1, DOWN: 0, '*': -1, half: 0.5}}")
        #expect(c.sources[0].json?.values.first?.map == ["UP": 1, "DOWN": 0, "*": -1, "half": 0.5])
        #expect(try parse("{path: $.a, name: a}").sources[0].json?.values.first?.map == [:])
    }

    @Test(arguments: [
        ("{path: $.s, name: up, map: [UP]}", "c.yml:2:87: \"map\" in json value 1 must be a mapping of strings to numbers, like {UP: 1, DOWN: 0}, found a sequence"),
        ("{path: $.s, name: up, map: {UP: yes}}", "c.yml:2:92: \"map.UP\" must be a number, found a string"),
        ("{path: $.s, name: up, map: {UP: '1'}}", "c.yml:2:92: \"map.UP\" must be a number, found a string"),
        ("{path: $.s, name: up, mapping: {UP: 1}}", "c.yml:2:82: unknown field \"mapping\" in json value 1 (allowed: path, name, labels, type, map)"),
    ])
    func refusesBadMaps(_ value: String, _ message: String) {
        #expect {
            _ = try parse(value)
        } throws: { "\($0)".contains(message) }
    }
}
