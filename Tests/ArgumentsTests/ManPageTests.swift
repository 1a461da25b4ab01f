import Testing
@testable import Arguments

/// The man page generator: structure, and roff escaping of what help text may contain.
@Suite struct ManPageTests {
    let page = ManPage.render(root: CompletionScriptTests.root, version: "1.2.3", date: "2025-01-31", extraSections: [
        ManSection("Exit status", [.item(term: "0", text: "Success.")]),
        ManSection("Examples", [.paragraph("Run `tool -c x`:"), .example(".hidden\n'quoted\nback\\slash")]),
    ])

    @Test func structure() {
        #expect(page.contains(".TH \"TOOL\" 1 \"2025-01-31\" \"tool 1.2.3\" \"User Commands\"\n"))
        #expect(page.contains(".SH NAME\ntool \\- a tool\n"))
        #expect(page.contains(".SH SYNOPSIS\n.B tool\n[\\fIoptions\\fR] [\\fIURL\\fR...]\n"))
        #expect(page.contains(".SS \"tool check [options] [FILE]\"\n"))
        #expect(page.contains(".SS \"tool check rules [options] FILE...\"\n"))
        #expect(page.contains(".TP\n\\fB\\-c\\fR, \\fB\\-\\-config\\fR \\fIFILE\\fR\nConfig file. More text.\n"))
        #expect(page.contains("A rule file. May be given more than once."))
        #expect(page.contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nSuccess.\n"))
        // Every option of every command is there.
        for name in ["config", "mode", "strict", "rule", "out", "help"] { #expect(page.contains("\\-\\-\(name)")) }
    }

    @Test func escaping() {
        #expect(page.contains("It's [odd]: a 'mode' \\e here."))
        #expect(page.contains("Run \\fBtool \\-c x\\fR:"))
        #expect(page.contains(".nf\n.RS 4\n\\&.hidden\n\\&'quoted\nback\\eslash\n.RE\n.fi\n"))
        #expect(ManPage.text(".starts with a dot") == "\\&.starts with a dot")
        #expect(ManPage.text("an `unclosed code") == "an `unclosed code")
    }

    @Test func paragraphsAreFilledAndSeparated() {
        #expect(ManPage.paragraphs("one\n  two\n\nthree") == "one two\n.PP\nthree\n")
    }
}
