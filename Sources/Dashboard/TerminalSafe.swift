import Terminal

/// Text from the network or from errors made safe to show: escape sequences and controls removed,
/// length bounded.
enum TerminalSafe {
    static let maxLength = 400

    /// One line of display text.
    static func line(_ s: String) -> String {
        let clean = TerminalText.sanitize(s)
        return clean.count > maxLength ? String(clean.prefix(maxLength)) + "…" : clean
    }
}
