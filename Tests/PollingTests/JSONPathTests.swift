import Testing
@testable import Polling

@Suite struct JSONPathTests {
    static let document = #"""
    {"store": {"book": [{"title": "A", "price": 8.95, "cat": "ref"},
                        {"title": "B", "price": 12.99, "cat": "fic"},
                        {"title": "C", "price": 8.99, "cat": "fic", "isbn": "0-553"}],
               "bicycle": {"color": "red", "price": 19.95}},
     "a.b": {"c d": 1, "it's": true}, "n": [1, 2, 3, 4, 5], "flag": false, "nothing": null}
    """#

    func values(_ path: String) throws -> [String] {
        let doc = try JSONDocument.parse(Array(Self.document.utf8))
        return try JSONPath(path).evaluate(doc).map { $0.value.labelText ?? $0.value.typeName }
    }

    @Test(arguments: [
        ("$.store.bicycle.color", ["red"]),
        ("$['a.b']['c d']", ["1"]),
        (#"$["a.b"]["it's"]"#, ["true"]),
        ("$['a.b']['it\\'s']", ["true"]),
        ("$.store.book[0].title", ["A"]),
        ("$.store.book[-1].title", ["C"]),
        ("$.store.book[*].title", ["A", "B", "C"]),
        ("$.store.book.*.title", ["A", "B", "C"]),
        ("$.store.book[?(@.cat=='fic')].title", ["B", "C"]),
        ("$.store.book[?@.price < 9].title", ["A", "C"]),
        ("$.store.book[?(@.price >= 8.99)].title", ["B", "C"]),
        ("$.store.book[?(@.isbn)].title", ["C"]),
        ("$.store.book[?(!@.isbn)].title", ["A", "B"]),
        (#"$.store.book[?(@.cat == "fic" && @.price > 10)].title"#, ["B"]),
        ("$.store.book[?(@.cat=='ref' || @.price > 12)].title", ["A", "B"]),
        ("$.store.book[?(@.cat != 'fic')].title", ["A"]),
        ("$.store.book[?((@.cat == 'fic') && !(@.price > 10))].title", ["C"]),
        ("$.store.book[?(@.price > $.store.bicycle.price)].title", []),
        ("$..price", ["19.95", "8.95", "12.99", "8.99"]),
        ("$..book[1].title", ["B"]),
        ("$..['color']", ["red"]),
        ("$.n[1:3]", ["2", "3"]),
        ("$.n[::2]", ["1", "3", "5"]),
        ("$.n[::-1]", ["5", "4", "3", "2", "1"]),
        ("$.n[-2:]", ["4", "5"]),
        ("$.n[0, 4]", ["1", "5"]),
        ("$.n[?(@ > 3)]", ["4", "5"]),
        ("$['n', 'flag']", ["an array", "false"]),
        ("$.store.*", ["an object", "an array"]),
        ("$.flag", ["false"]),
        ("$.nothing", ["null"]),
        ("$.missing", []),
        ("$.store.book[5]", []),
        ("$.store.book.title", []),
        ("$", ["an object"]),
    ] as [(String, [String])])
    func selects(_ path: String, _ expected: [String]) throws {
        #expect(try values(path) == expected, "\(path)")
    }

    @Test(arguments: [
        ("store", 1, "a path starts with '$'"),
        ("$.", 3, "expected a member name"),
        ("$.a[", 5, "unclosed '['"),
        ("$['a", 3, "unterminated string"),
        ("$.a[?(@.b = 1)]", 11, "use '=='"),
        ("$.a[?(@.b == )]", 14, "expected a path"),
        ("$.a[1:2:0]", 9, "slice step must not be 0"),
        ("$.a b", 4, "unexpected ' '"),
        ("$.a[?('x')]", 7, "a literal alone is not a test"),
        ("$.a['x' 'y']", 9, "expected ']'"),
        ("$.a[?(@.b == 1]", 15, "expected ')'"),
        ("$.'a'", 3, "quoted names go in brackets"),
        ("$[99999999999999999999]", 3, "too large"),
        ("$['\\q']", 4, "unknown escape"),
        ("$.a[?(@.b == 1.2.3)]", 14, "invalid number"),
    ] as [(String, Int, String)])
    func errorsSayWhere(_ path: String, _ column: Int, _ message: String) {
        #expect {
            _ = try JSONPath(path)
        } throws: { error in
            guard let e = error as? JSONPathError else { return false }
            return e.column == column && e.message.contains(message) && e.description.contains("column \(column)")
        }
    }

    @Test func boundedNestingAndLength() {
        let deep = "$[?" + String(repeating: "(", count: 40) + "@.a" + String(repeating: ")", count: 40) + "]"
        #expect(throws: JSONPathError.self) { try JSONPath(deep) }
        let notDeep = "$[?" + String(repeating: "(", count: 10) + "@.a" + String(repeating: ")", count: 10) + "]"
        #expect(throws: Never.self) { try JSONPath(notDeep) }
        let nots = "$[?" + String(repeating: "!", count: 100) + "@.a]"
        #expect(throws: JSONPathError.self) { try JSONPath(nots) }
        #expect(throws: JSONPathError.self) { try JSONPath("$" + String(repeating: ".a", count: 3000)) }
    }

    /// `$..*..*..*` on a deep document selects millions of nodes: it stops with an error.
    @Test func evaluationIsBounded() throws {
        let deep = String(repeating: "[", count: 400) + "1" + String(repeating: "]", count: 400)
        let doc = try JSONDocument.parse(Array(deep.utf8))
        #expect(throws: JSONPathError.self) { try JSONPath("$..*..*..*").evaluate(doc) }
        #expect(try JSONPath("$..*").evaluate(doc).count == 400)
    }

    @Test func definiteness() throws {
        #expect(try JSONPath("$.a['b'][0]").isDefinite)
        for p in ["$.a[*]", "$..a", "$.a[?(@.b)]", "$.a[0,1]", "$.a[1:]", "$.*"] {
            #expect(try !JSONPath(p).isDefinite, "\(p)")
        }
    }

    /// The element a match's labels read from: the node of the last fan-out, or the parent.
    @Test func elements() throws {
        let doc = try JSONDocument.parse(Array(#"{"q": [{"name": "a", "depth": 3}, {"name": "b", "depth": 4}], "m": {"HeapAlloc": 7}}"#.utf8))
        let fan = try JSONPath("$.q[*].depth").evaluate(doc)
        #expect(fan.map(\.value) == [.number(3), .number(4)])
        #expect(fan.map { $0.element?.children.first { $0.key == .name("name") }?.value } == [.string("a"), .string("b")])
        #expect(fan.map { $0.key?.description } == ["0", "1"])
        let definite = try JSONPath("$.m.HeapAlloc").evaluate(doc)
        #expect(definite.first?.key?.description == "HeapAlloc")
        #expect(definite.first?.element == .object(["HeapAlloc": .number(7)]))
        let members = try JSONPath("$.m.*").evaluate(doc)
        #expect(members.first?.key?.description == "HeapAlloc")
    }

    @Test func documentLimits() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect {
            _ = try JSONDocument.parse(Array(deep.utf8))
        } throws: { ($0 as? JSONDocument.ParseError)?.description.contains("nested") == true }
        #expect {
            _ = try JSONDocument.parse(Array("{\n  \"a\": [1, 2,, 3]\n}".utf8))
        } throws: { ($0 as? JSONDocument.ParseError)?.description.contains("line 2, column 14") == true }
        #expect(throws: JSONDocument.ParseError.self) { try JSONDocument.parse(Array("[1,2,3]".utf8), maxBytes: 4) }
        let v = try JSONDocument.parse(Array("[true, 1, 0, 18446744073709551615, -0.5]".utf8))
        #expect(v == .array([.bool(true), .number(1), .number(0), .number(18446744073709551616), .number(-0.5)]))
    }
}
