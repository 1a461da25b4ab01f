import Arguments

/// Every `vigil` command as data: parsing, `--help`, the completion scripts and the man page
/// all read this one table.
enum CommandTable {
    static let configOption = OptionSpec(
        "config", short: "c", value: "FILE",
        help: "Config file (default: $VIGIL_CONFIG, ./vigil.yml, $XDG_CONFIG_HOME/vigil/config.yml).")

    static let run = CommandSpec(
        "run", summary: "Open the dashboard (the default command).",
        discussion: """
            With no config file and no URL, Vigil runs its built-in demo (simulated services on
            loopback, this machine, a dashboard and rules); `vigil init` writes a starter config.
            With --headless it runs the
            same sources, rules and notifiers without a terminal (for systemd; see docs/HEADLESS.md). Keys: ? help, q quit,
            Tab/1-9 dashboards, arrows/hjkl panels, Enter maximize, +/- window, [ ] history, p pause,
            / filter, : command line, a alerts, r reload (also on SIGHUP), t theme.
            """,
        options: [
            configOption,
            OptionSpec("memory-limit", value: "SIZE", help: "Cap on memory for stored samples, e.g. 512MiB."),
            OptionSpec("theme", value: "NAME", help: "Theme (default: the config's, else default)."),
            OptionSpec("color", value: "MODE", help: "Colours: auto, never, 16, 256, truecolor (NO_COLOR is honoured)."),
            OptionSpec("symbols", value: "SET", help: "Chart symbols: auto, braille, block, ascii."),
            OptionSpec("mouse", help: "Enable the mouse (click selects a panel, the wheel zooms)."),
            OptionSpec("headless", help: """
                Run without a terminal: the same sources, rules and notifiers, logs (logfmt) on standard \
                error, exit 0 on SIGTERM or SIGINT, reload on SIGHUP.
                """),
            OptionSpec("rules", value: "FILE", help: "A rule file to evaluate beside the config's (repeatable; globs allowed).",
                       repeatable: true),
            OptionSpec("alertmanager", value: "URL", help: "An Alertmanager to send alerts to, e.g. http://127.0.0.1:9093 (repeatable).",
                       repeatable: true),
            OptionSpec("listen", value: "ADDR", help: """
                With --headless: serve Vigil's own metrics on /metrics and health on /-/healthy and \
                /-/ready at HOST:PORT (e.g. 127.0.0.1:9700).
                """),
            OptionSpec("state-dir", value: "DIR", help: """
                Where alert state, silences and undelivered notifications are kept across restarts \
                (default: the config's state_dir, else $XDG_STATE_HOME/vigil or ~/.local/state/vigil).
                """),
            OptionSpec("record", value: "FILE", help: "Also write every ingested sample to FILE, for `vigil replay`."),
            OptionSpec("record-max-size", value: "SIZE", help: "Rotate the recording past this size (default 256MiB)."),
            OptionSpec("record-keep", value: "N", help: "Rotated recordings kept: FILE.1 to FILE.N (default 4)."),
        ],
        positionals: [PositionalSpec("URL", help: "Sources to watch without a config file.", optional: true, variadic: true)])

    static let replay = CommandSpec(
        "replay", summary: "Replay a recording through the dashboards and rules.",
        discussion: """
            Feeds the store from a recording made with `vigil run --record` instead of polling: the
            config's dashboards and rules (or --rules files instead) see the recorded samples at the
            recorded times, and the dashboard shows the recorded time. Rule groups the recorded run
            had are evaluated when it evaluated them, so the same alerts fire at the same times; new
            groups are evaluated on their interval. --alerts prints each alert transition as a line
            (time, state, alert and labels) instead of drawing, --recorded-alerts the transitions the
            recorded run saw, --info what the recording holds. --from takes RFC 3339, Unix seconds,
            or a duration from the start of the recording (10m); --warmup of data before it is
            loaded without evaluating rules.
            """,
        options: [
            configOption,
            OptionSpec("rules", value: "FILE", help: "Rule file to evaluate instead of the config's (repeatable).", repeatable: true),
            OptionSpec("speed", value: "N", help: "Replay speed factor (default 1; 0 or max: as fast as possible)."),
            OptionSpec("from", value: "TIME", help: "Start at TIME: RFC 3339, Unix seconds, or a duration from the start."),
            OptionSpec("warmup", value: "DURATION", help: "Data loaded before --from without evaluating rules (default 10m)."),
            OptionSpec("alerts", help: "Print alert transitions as text instead of drawing (default speed: max)."),
            OptionSpec("recorded-alerts", help: "Print the alert transitions the recorded run saw."),
            OptionSpec("info", help: "Print what the recording holds: files, time span, samples, bytes per sample, metrics."),
            OptionSpec("theme", value: "NAME", help: "Theme (default: the config's, else default)."),
            OptionSpec("color", value: "MODE", help: "Colours: auto, never, 16, 256, truecolor (NO_COLOR is honoured)."),
            OptionSpec("symbols", value: "SET", help: "Chart symbols: auto, braille, block, ascii."),
            OptionSpec("mouse", help: "Enable the mouse (click selects a panel, the wheel zooms)."),
        ],
        positionals: [PositionalSpec("FILE", help: "The recording (rotated FILE.1 ... are read too, oldest first).")])

    static let parse = CommandSpec(
        "parse", summary: "Parse a metrics exposition and print its samples canonically.",
        discussion: """
            Prints one sample a line: name{label="value",...} value [timestamp_ms], labels sorted by
            name, values formatted as Go formats a float64. Exits 0 when the whole input parses, and 1
            with line:col: message on stderr when it does not.
            """,
        options: [
            OptionSpec("format", short: "f", value: "FORMAT",
                       help: "prometheus (text 0.0.4, the default) or openmetrics."),
            OptionSpec("strict", help: """
                Also reject negative summary quantiles, sums and bucket bounds in OpenMetrics, as the \
                OpenMetrics 1.0 test suite does (Prometheus itself accepts them).
                """),
        ],
        positionals: [PositionalSpec("FILE", help: "The exposition file, or - for standard input.")])

    static let check = CommandSpec(
        "check", summary: "Validate a config file and every rule file it names.",
        discussion: """
            Exits 0 when everything is valid, 2 with file:line:col: message for each problem.
            `vigil check rules FILE...` checks rule files on their own, as promtool does.
            """,
        options: [configOption],
        positionals: [PositionalSpec("CONFIG", help: "The config file (default: the usual lookup).", optional: true)],
        subcommands: [checkRules])

    static let testPromQL = CommandSpec(
        "promql", summary: "Run PromQL test scripts in Prometheus's promqltest format.",
        discussion: """
            Each script has `load <interval>` blocks of series in expanding notation and `eval instant at`
            / `eval range from .. to .. step ..` / `eval_fail` cases with expected results. Prints each
            failing case with what was expected and what came out, a line per file with its counts, and
            a closing line `N passed, N failed, N skipped`. Exits 1 when any case failed. Cases that
            need native histograms or features experimental in Prometheus 3.x are skipped.
            """,
        options: [OptionSpec("verbose", short: "v", help: "Also list skipped cases with the reason.")],
        positionals: [PositionalSpec("FILE", help: "A test script.", variadic: true)])

    static let testRules = CommandSpec(
        "rules", summary: "Run rule unit tests in promtool's format (`promtool test rules`).",
        discussion: """
            Reads promtool's unit-test files (rule_files, evaluation_interval, group_eval_order,
            external_labels, tests with input_series, alert_rule_test and promql_expr_test) and passes
            or fails where promtool does. Exits 0 when every test passed, 1 otherwise.
            """,
        options: [
            OptionSpec("run", value: "REGEX", help: "Only run test groups whose name matches (repeatable).", repeatable: true),
            OptionSpec("ignore-unknown-fields", help: "Ignore unknown fields in the rule files."),
        ],
        positionals: [PositionalSpec("FILE", help: "A unit-test file.", variadic: true)])

    static let test = CommandSpec(
        "test", summary: "Run test files: PromQL test scripts and rule unit tests.",
        subcommands: [testPromQL, testRules])

    static let checkRules = CommandSpec(
        "rules", summary: "Validate Prometheus rule files as `promtool check rules` does.",
        discussion: "Prints file:line:col: message for each problem; exits 0 when every file is valid, 1 otherwise.",
        options: [OptionSpec("ignore-unknown-fields", help: "Ignore unknown fields in the rule files.")],
        positionals: [PositionalSpec("FILE", help: "A rule file.", variadic: true)])

    static let poll = CommandSpec(
        "poll", summary: "Poll every source once and print what each produced.",
        discussion: """
            Sources come from the config file and from URLs given as arguments (http://, https://,
            redis://, rabbitmq://, nats://, beanstalk://, prometheus://, host://; see docs/CONFIG.md).
            Prints each sample canonically, as `vigil parse` does, including `up` and the scrape_*
            series. A source that fails has its error on stderr; exits 1 when any source is down.
            """,
        options: [configOption, OptionSpec("timeout", value: "DURATION", help: "Timeout for each poll (default: the source's).")],
        positionals: [PositionalSpec("URL", help: "A source to poll.", optional: true, variadic: true)])

    static let snapshot = CommandSpec(
        "snapshot", summary: "Poll, then print one frame of the dashboard as text.",
        discussion: """
            Polls every source once (and keeps polling for --after), then prints the dashboard as plain
            text, or with colours as SGR sequences (--ansi). With no config and no URL it shows what
            `vigil` shows. For incident channels, bug reports and tests.
            """,
        options: [
            configOption,
            OptionSpec("width", value: "COLUMNS", help: "Frame width (default 120)."),
            OptionSpec("height", value: "LINES", help: "Frame height (default 40)."),
            OptionSpec("after", value: "DURATION", help: "Keep polling this long before the frame (default 0)."),
            OptionSpec("ansi", help: "Colours as SGR escape sequences."),
            OptionSpec("theme", value: "NAME", help: "Theme for --ansi."),
            OptionSpec("symbols", value: "SET", help: "Chart symbols: braille (default), block, ascii."),
        ],
        positionals: [PositionalSpec("URL", help: "Sources to watch without a config file.", optional: true, variadic: true)])

    static let importGrafana = CommandSpec(
        "grafana", summary: "Convert a Grafana dashboard (Prometheus panels) into a Vigil dashboard.",
        discussion: """
            Time series, stat, gauge, bar gauge, table, heatmap and text panels, rows, units,
            thresholds and template variables are converted; the YAML (a `dashboards:` list to paste
            into the config) goes to standard output, and what could not be converted to standard error.
            """,
        options: [OptionSpec("output", short: "o", value: "FILE", help: "Write the YAML to FILE.")],
        positionals: [PositionalSpec("DASHBOARD", help: "The dashboard's JSON export, or - for standard input.")])

    static let importCommand = CommandSpec(
        "import", summary: "Import dashboards from other tools.", subcommands: [importGrafana])

    static let version = CommandSpec("version", summary: "Print Vigil's version.")

    static let initCommand = CommandSpec(
        "init", summary: "Write a commented starter config.",
        discussion: """
            Writes ./vigil.yml (or PATH) with this machine as the first source and every other section
            as commented examples; `vigil check` accepts it as written. An existing file is kept unless
            --force is given.
            """,
        options: [OptionSpec("force", help: "Replace an existing file.")],
        positionals: [PositionalSpec("PATH", help: "Where to write (default ./vigil.yml; a folder gets vigil.yml).", optional: true)])

    static let completion = CommandSpec(
        "completion", summary: "Print a shell completion script.",
        discussion: """
            bash: `source <(vigil completion bash)` (e.g. in ~/.bashrc). zsh: save the output as _vigil in a
            folder of $fpath. fish: `vigil completion fish | source`, or save it in
            ~/.config/fish/completions/vigil.fish. scripts/install puts all three where the shells look.
            """,
        positionals: [PositionalSpec("SHELL", help: "bash, zsh or fish.")])

    static let man = CommandSpec(
        "man", summary: "Print the vigil(1) man page (roff).",
        discussion: "Read it with `vigil man | man -l -`; scripts/install puts it in PREFIX/share/man/man1.")

    static let root = CommandSpec(
        "vigil", summary: "a terminal dashboard for metrics, queues and alerts",
        discussion: """
            Vigil polls Prometheus and OpenMetrics endpoints and queue depths, evaluates Prometheus
            alert rules, and draws charts in the terminal.
            """,
        options: run.options + [OptionSpec("version", help: "Print Vigil's version.")],
        positionals: run.positionals,
        subcommands: [run, replay, poll, snapshot, parse, check, test, importCommand, initCommand, completion, man, version])
}
