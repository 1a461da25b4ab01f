/// A section of a man page beyond what the command table says (FILES, ENVIRONMENT, EXIT STATUS,
/// EXAMPLES, SEE ALSO): paragraphs, tagged items and literal examples. In text, `code` is set in bold.
public struct ManSection: Sendable {
    public enum Block: Sendable {
        case paragraph(String)
        /// A term (set in bold) with its description, as `.TP`.
        case item(term: String, text: String)
        /// Lines shown as written (no filling), e.g. a shell session.
        case example(String)
    }

    public var title: String
    public var blocks: [Block]

    public init(_ title: String, _ blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }
}
