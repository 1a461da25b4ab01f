import Foundation
import Testing

/// `vigil man`: the page names every command of the table and renders without a warning.
@Suite struct ManCommandTests {
    static let groff = Program.path("groff")
    static let man = Program.path("man")

    @Test func namesEveryCommand() throws {
        let r = try VigilProcess.run(["man"], env: ["SOURCE_DATE_EPOCH": "1735689600"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(".TH \"VIGIL\" 1 \"2025-01-01\" \"vigil "))
        let help = try VigilProcess.run(["--help"]).stdout
        // Each command listed by --help has its own entry, nested ones too.
        let commands = help.components(separatedBy: "Commands:\n").last?.split(separator: "\n")
            .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) } ?? []
        #expect(commands.count >= 10)
        for c in commands { #expect(r.stdout.contains(".SS \"vigil \(c)"), "no entry for \(c)") }
        for nested in ["vigil check rules", "vigil test promql", "vigil test rules", "vigil import grafana"] {
            #expect(r.stdout.contains(".SS \"\(nested) "))
        }
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "FILES", "ENVIRONMENT", "\"EXIT STATUS\"", "EXAMPLES"] {
            #expect(r.stdout.contains(".SH \(section)\n"))
        }
    }

    @Test(.enabled(if: groff != nil, "groff is not installed"))
    func groffRendersWithoutWarnings() throws {
        let page = try VigilProcess.run(["man"]).stdout
        let r = try Program.run(try #require(Self.groff), ["-man", "-Tutf8", "-ww", "-z"], stdin: page)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test(.enabled(if: man != nil, "man is not installed"))
    func manReadsIt() throws {
        let tmp = try TemporaryFolder()
        try VigilProcess.run(["man"]).stdout.write(to: tmp.file("vigil.1"), atomically: true, encoding: .utf8)
        let r = try Program.run(try #require(Self.man), ["-l", tmp.file("vigil.1").path],
                                env: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "MAN_KEEP_FORMATTING": ""])
        #expect(r.status == 0, "\(r.stderr)")
        let text = r.stdout.replacingOccurrences(of: "\u{8}.", with: "")
        #expect(text.contains("vigil - a terminal dashboard for metrics, queues and alerts"))
        #expect(text.contains("vigil completion SHELL"))
        #expect(text.contains("EXIT STATUS"))
    }
}
