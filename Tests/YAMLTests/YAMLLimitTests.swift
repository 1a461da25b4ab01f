import Testing
import YAML

/// Hostile input: alias bombs, deep nesting and invalid UTF-8 end in errors, not crashes.
@Suite struct YAMLLimitTests {
    @Test func billionLaughsIsRefused() {
        var doc = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            doc += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        #expect(throws: YAMLError.self) { try YAML.load(doc, file: "bomb.yaml") }
        do {
            _ = try YAML.load(doc, file: "bomb.yaml")
        } catch {
            #expect(error.description.hasPrefix("bomb.yaml:"))
            #expect(error.message.contains("billion laughs"))
        }
    }

    @Test func moderateAliasUseIsFine() throws {
        let doc = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(try YAML.load(doc)?["b"]?[2]?[1]?.int == 2)
    }

    @Test func aliasLimitIsConfigurable() {
        let doc = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(throws: YAMLError.self) { try YAML.load(doc, limits: YAMLLimits(maxAliasNodes: 5)) }
    }

    static let deep: [(String, Int)] = [
        ("flow sequences", 100_000), ("flow mappings", 100_000), ("block sequences", 5_000), ("block mappings", 5_000),
    ]

    @Test(arguments: deep)
    func deepNestingIsRefused(_ kind: String, _ levels: Int) {
        let doc: String
        switch kind {
        case "flow sequences": doc = String(repeating: "[", count: levels)
        case "flow mappings": doc = String(repeating: "{a: ", count: levels)
        case "block sequences": doc = String(repeating: "- ", count: levels) + "x\n"
        default: doc = (0..<levels).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        }
        do {
            _ = try YAML.load(doc, file: "deep.yaml")
            Issue.record("expected a nesting error")
        } catch {
            #expect(error.message == "nesting is deeper than the limit of 512 levels")
        }
    }

    @Test func nestingWithinTheLimitLoads() throws {
        let doc = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try YAML.load(doc) != nil)
        let block = (0..<150).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(try YAML.load(block) != nil)
    }

    static let badUTF8: [([UInt8], String)] = [
        (Array("a: 1\nb: ".utf8) + [0xFF] + Array("\n".utf8), "u.yaml:2:4: invalid UTF-8: byte 0xFF cannot start a UTF-8 sequence"),
        (Array("é: ".utf8) + [0xC3, 0x28], "u.yaml:1:4: invalid UTF-8: byte 0x28 is not a UTF-8 continuation byte"),
        (Array("x: ".utf8) + [0xE2, 0x82], "u.yaml:1:4: invalid UTF-8: truncated UTF-8 sequence at the end of input"),
        ([0xC0, 0xAF], "u.yaml:1:1: invalid UTF-8: byte 0xC0 cannot start a UTF-8 sequence"),
        ([0xED, 0xA0, 0x80], "u.yaml:1:1: invalid UTF-8: invalid UTF-8 sequence (overlong, surrogate or out of range)"),
        ([0xE0, 0x80, 0x80], "u.yaml:1:1: invalid UTF-8: invalid UTF-8 sequence (overlong, surrogate or out of range)"),
    ]

    @Test(arguments: badUTF8)
    func invalidUTF8HasAPosition(_ bytes: [UInt8], _ expected: String) {
        do {
            _ = try YAML.load(bytes: bytes, file: "u.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func validUTF8Bytes() throws {
        let node = try YAML.load(bytes: Array("name: \"caf\u{E9} \u{1F600}\"\n".utf8))
        #expect(node?["name"]?.string == "caf\u{E9} \u{1F600}")
    }
}
