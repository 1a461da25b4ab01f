import Arguments
import Foundation

/// `vigil man`: prints the vigil(1) man page, generated from the command table (the same one
/// `--help` reads) plus the sections below.
enum ManCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        print(page(), terminator: "")
        return .success
    }

    static func page() -> String {
        ManPage.render(root: CommandTable.root, version: VigilVersion.string, date: date(), extraSections: sections)
    }

    /// `SOURCE_DATE_EPOCH` (reproducible builds) when set, else today, as `2025-01-31`.
    static func date(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) } ?? Date().timeIntervalSince1970
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }

    static let sections: [ManSection] = [
        ManSection("Files", [
            .item(term: "./vigil.yml", text: "The config in the current folder, used when neither `--config` nor `VIGIL_CONFIG` names one."),
            .item(term: "$XDG_CONFIG_HOME/vigil/config.yml",
                  text: "The user's config (`~/.config/vigil/config.yml` when `XDG_CONFIG_HOME` is unset), used when there is no `./vigil.yml`."),
            .item(term: "PREFIX/share/vigil/themes/*.theme",
                  text: "Themes installed next to the binary (`PREFIX/bin/vigil`). Themes in `$XDG_CONFIG_HOME/vigil/themes` override them by name."),
            .item(term: "$XDG_RUNTIME_DIR/vigil-demo/demo-rules.yml",
                  text: "The built-in demo's rule file, written when Vigil runs with no config and no URL."),
        ]),
        ManSection("Environment", [
            .item(term: "VIGIL_CONFIG", text: "The config file, when `--config` is not given."),
            .item(term: "XDG_CONFIG_HOME", text: "Where the user's config and themes are looked for (default `~/.config`)."),
            .item(term: "NO_COLOR", text: "When set and not empty, the dashboard draws without colours."),
        ]),
        ManSection("Exit status", [
            .item(term: "0", text: "Success."),
            .item(term: "1", text: "The work failed: input did not parse, a source is down, a test failed."),
            .item(term: "2", text: "The command line or the config is wrong."),
        ]),
        ManSection("Examples", [
            .paragraph("The built-in demo (no config in the current folder or in `~/.config/vigil`):"),
            .example("vigil"),
            .paragraph("Watch one exporter without a config, then write a config to grow from:"),
            .example("vigil http://127.0.0.1:9100/metrics\nvigil init && vigil check"),
            .paragraph("A frame of the dashboard for a bug report, after a minute of polling:"),
            .example("vigil snapshot --after 1m --width 160 --height 50 > frame.txt"),
            .paragraph("Completions for the current bash session:"),
            .example("source <(vigil completion bash)"),
        ]),
        ManSection("See also", [
            .paragraph("prometheus(1), promtool(1). The configuration reference is docs/CONFIG.md in Vigil's repository."),
        ]),
    ]
}
