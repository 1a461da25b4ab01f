import Testing
@testable import PromQL

/// Parsing and printing back, and parse errors with their columns.
struct ParserTests {
    @Test(arguments: [
        ("foo", "foo"),
        ("foo{bar=\"baz\"}", "foo{bar=\"baz\"}"),
        ("{__name__=\"foo\", a!~'x.*'}", "foo{a!~\"x.*\"}"),
        ("{\"metric.name\", \"a.b\"=\"c\"}", "{\"metric.name\",\"a.b\"=\"c\"}"),
        ("sum by (job) (rate(http_requests_total[5m]))", "sum by (job) (rate(http_requests_total[5m]))"),
        ("sum(x) without (a, b)", "sum without (a, b) (x)"),
        ("topk(3, x)", "topk(3, x)"),
        ("foo offset -5m", "foo offset -5m"),
        ("foo @ 100", "foo @ 100.000"),
        ("foo[1h30m] @ start() offset 1d", "foo[1h30m] @ start() offset 1d"),
        ("rate(foo[5m:1m])", "rate(foo[5m:1m])"),
        ("max_over_time(foo[5m:])", "max_over_time(foo[5m:])"),
        ("a + on(b) group_left(c) d", "a + on (b) group_left (c) d"),
        ("a > bool ignoring(x) b", "a > bool ignoring (x) b"),
        ("-1 ^ 2", "-1 ^ 2"),
        ("0x1f", "31"),
        (".5", "0.5"),
        ("1e3", "1000"),
        ("-Inf", "-Inf"),
        ("NaN", "NaN"),
        ("`raw\\n`", "\"raw\\\\n\""),
        ("\"a\\tb\"", "\"a\\tb\""),
        ("foo # comment", "foo"),
        ("x[100]", "x[1m40s]"),
    ])
    func printsBack(_ input: String, _ printed: String) throws {
        #expect(try Parser.parse(input).description == printed)
    }

    @Test(arguments: [
        ("foo{", "1:5: parse error: unexpected end of input in label matching, expected label matching operator"),
        ("1 +", "1:4: parse error: unexpected end of input"),
        ("rate(foo)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("nope(x)", "1:1: parse error: unknown function with name \"nope\""),
        ("foo{a=\"b\"", "1:10: parse error: unexpected end of input in label matching, expected \",\" or \"}\""),
        ("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("sum(x, y)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"),
        ("x and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("(1 + 2)[5m]", "1:8: parse error: ranges only allowed for vector selectors"),
        ("x +  \"a", "1:6: parse error: unterminated quoted string"),
        ("x offset 5m offset 1m", "1:13: parse error: offset may not be set multiple times"),
        ("foo !", "1:5: parse error: unexpected character after '!': EOF"),
        ("label_join(x)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1"),
        ("round(x, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3"),
        ("1 +\n  $", "2:3: parse error: unexpected character: '$'"),
    ])
    func reportsErrors(_ input: String, _ message: String) {
        #expect(throws: ParseError.self) { try Parser.parse(input) }
        do {
            _ = try Parser.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func precedenceAndAssociativity() throws {
        let engine = Engine(querier: ScriptStorage())
        func scalar(_ q: String) throws -> Double {
            guard case .scalar(let v, _) = try engine.instant(q, at: 0).value else { return .nan }
            return v
        }
        #expect(try scalar("2 ^ 3 ^ 2") == 512)
        #expect(try scalar("-2 ^ 2") == -4)
        #expect(try scalar("1 + 2 * 3") == 7)
        #expect(try scalar("10 - 4 - 3") == 3)
        #expect(try scalar("2 * 3 % 4") == 2)
        #expect(try scalar("-2^---1*3") == -1.5)
        #expect(try scalar("1 < bool 2 + 1") == 1)
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: ParseError.self) { try Parser.parse(deep) }
        let chain = Array(repeating: "a", count: 5000).joined(separator: " + ")
        #expect(throws: ParseError.self) { try Parser.parse(chain) }
        #expect(throws: Never.self) { try Parser.parse(Array(repeating: "a", count: 50).joined(separator: " + ")) }
    }
}
