import Testing
@testable import Dashboard

@Suite struct CommandParsingTests {
    @Test(arguments: [
        ("q", AppCommand.quit), ("quit", .quit), ("  q  ", .quit), ("theme nord", .theme("nord")),
        ("range 30m", .range(1_800_000)), ("range 1h30m", .range(5_400_000)), ("reload", .reload), ("help", .help),
        ("explore", .explore), ("alerts", .alerts), ("rate(x_total[5m])", .query("rate(x_total[5m])")),
        ("up == 0", .query("up == 0")), ("sum by (job) (up)", .query("sum by (job) (up)")),
    ])
    func accepted(_ input: String, _ expected: AppCommand) throws {
        #expect(try AppCommand.parse(input).get() == expected)
    }

    @Test(arguments: [
        ("", "empty command"), ("theme", "usage: :theme NAME"), ("theme a b", "usage: :theme NAME"),
        ("theme ../../etc/passwd", "bad theme name"), ("range", "usage: :range 30m"), ("range 5x", "bad range"),
        ("range 10s", "between 1m and 30d"), ("range 90d", "between 1m and 30d"), ("q now", "takes no argument"),
        ("sum(", "not a command, and not PromQL: 1:5: parse error"), ("rate(x[5m]", "parse error"),
    ])
    func refused(_ input: String, _ message: String) {
        switch AppCommand.parse(input) {
        case .success(let c): Issue.record("accepted \(input) as \(c)")
        case .failure(let e): #expect(e.message.contains(message), "\(e.message)")
        }
    }

    @Test func hostileInputIsSafe() {
        let text = "theme \u{1B}]52;c;AAAA\u{07}"
        guard case .failure(let e) = AppCommand.parse(text) else { Issue.record("accepted"); return }
        #expect(!e.message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        _ = AppCommand.parse(String(repeating: "(", count: 5000))
    }
}
