/// The dashboard's colours by role, loaded from a flat `key = "colour"` file (see themes/README.md).
/// Keys a file leaves out keep the built-in default; `palette(for:)` folds everything to the terminal's
/// colour level and adds the attributes that keep selections and focus visible without colour.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var colors: [ThemeKey: Color]

    public init(name: String, colors: [ThemeKey: Color]) {
        self.name = name
        self.colors = colors
    }

    /// The colour for a role, folded to `level`.
    public func color(_ key: ThemeKey, level: ColorLevel = .truecolor) -> Color {
        (colors[key] ?? Theme.builtinDefault.colors[key] ?? .default).folded(to: level)
    }

    /// The built-in dark theme: the terminal's own background and foreground, the 16 ANSI colours for
    /// everything else (so it follows the user's terminal palette). Same as themes/default.
    public static let builtinDefault = Theme(name: "default", colors: [
        .background: .default, .foreground: .default, .muted: .brightBlack,
        .border: .brightBlack, .borderFocused: .cyan, .title: .default, .titleFocused: .brightCyan,
        .selectionBackground: .blue, .selectionForeground: .brightWhite, .header: .brightBlue,
        .statusBackground: .brightBlack, .statusForeground: .brightWhite, .hintKey: .cyan, .tabActive: .brightCyan,
        .axis: .brightBlack, .label: .white,
        .ok: .green, .warning: .yellow, .critical: .red, .info: .blue,
        .series1: .cyan, .series2: .magenta, .series3: .yellow, .series4: .green,
        .series5: .blue, .series6: .red, .series7: .brightCyan, .series8: .brightMagenta,
        .heatmap1: .blue, .heatmap2: .cyan, .heatmap3: .green, .heatmap4: .yellow, .heatmap5: .red,
    ])

    /// Parses a theme file. Unknown keys, bad colours, duplicates and malformed lines are errors with
    /// `file:line`; missing keys fall back to the built-in default.
    public static func load(text: String, file: String = "<theme>") throws(ThemeError) -> Theme {
        var theme = builtinDefault
        theme.name = Theme.baseName(file)
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: lineNumber, message: message) }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw fail("expected `key = \"colour\"`")
            }
            let key = String(trimmed[..<eq]).trimmingSpaces
            guard !key.isEmpty else { throw fail("missing key before `=`") }
            let value = try Theme.value(trimmed[trimmed.index(after: eq)...], fail: fail)
            if let earlier = seen[key] { throw fail("duplicate key `\(Theme.printable(key))` (first set on line \(earlier))") }
            seen[key] = lineNumber
            if key == "name" {
                theme.name = TerminalText.sanitize(value)
                continue
            }
            guard let k = ThemeKey(rawValue: key) else {
                let hint = Theme.suggestion(for: key).map { "; did you mean `\($0)`?" } ?? ""
                throw fail("unknown key `\(Theme.printable(key))`\(hint)")
            }
            guard let c = Color(parsing: value) else {
                throw fail("bad colour `\(Theme.printable(value))` for `\(key)`: expected \"#RRGGBB\", a colour name, 0-255 or default")
            }
            theme.colors[k] = c
        }
        return theme
    }

    /// The value after `=`: a quoted string or a bare word, then nothing but an optional `# comment`.
    private static func value(_ rest: Substring, fail: (String) -> ThemeError) throws(ThemeError) -> String {
        let s = rest.drop(while: { $0 == " " || $0 == "\t" })
        var value: Substring
        var after: Substring
        if s.first == "\"" {
            let body = s.dropFirst()
            guard let close = body.firstIndex(of: "\"") else { throw fail("unterminated string") }
            value = body[..<close]
            after = body[body.index(after: close)...]
        } else {
            let end = s.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? s.endIndex
            value = s[..<end]
            after = s[end...]
        }
        let tail = after.drop(while: { $0 == " " || $0 == "\t" })
        if !tail.isEmpty && tail.first != "#" {
            throw fail("unexpected `\(printable(String(tail.prefix(20))))` after the value")
        }
        if !after.isEmpty && tail.first == "#" && after.first != " " && after.first != "\t" {
            throw fail("a comment needs a space before `#`")
        }
        guard !value.isEmpty else { throw fail("missing value after `=`") }
        return String(value)
    }

    /// Keys and values echoed in errors, made safe and short.
    static func printable(_ s: String) -> String { TerminalText.truncate(TerminalText.sanitize(s), toWidth: 40) }

    static func baseName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".theme") { name.removeLast(6) }
        return name
    }

    /// The known key nearest to `key` by edit distance, if close enough to be a typo.
    static func suggestion(for key: String) -> String? {
        let candidates = ThemeKey.allCases.map(\.rawValue) + ["name"]
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(Array(key.utf8.prefix(64)), Array(c.utf8))
            if d <= Swift.max(1, c.count / 3) && d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The theme file text for this theme (every key), as `load` reads it.
    public func fileText() -> String {
        var out = "# Vigil theme\nname = \"\(name)\"\n"
        for k in ThemeKey.allCases {
            out += "\(k.rawValue) = \"\(color(k).themeText)\"\n"
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
