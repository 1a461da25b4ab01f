/// Deciding whether the locale's character set is UTF-8.
extension TerminalCapabilities {
    /// True when `codeset` (from `nl_langinfo(CODESET)`, authoritative when given) names UTF-8, or,
    /// without it, when the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` names a UTF-8 locale.
    public static func isUTF8Locale(environment: [String: String], codeset: String?) -> Bool {
        if let c = codeset, !c.isEmpty { return namesUTF8(c) }
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = environment[key], !v.isEmpty { return namesUTF8(v) }
        }
        return false
    }

    /// `UTF-8`, `utf8`, `en_US.UTF-8`, `C.utf8@euro`: any spelling with or without the dash.
    static func namesUTF8(_ text: String) -> Bool {
        let folded = text.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded.contains("utf8")
    }

    /// The locale a program should ask for when `locale` (a `LANG`-style value) asked for UTF-8 but
    /// could not be loaded: `C.UTF-8` is built into glibc 2.35+ and present on Debian.
    static let fallbackUTF8Locale = "C.UTF-8"
}
