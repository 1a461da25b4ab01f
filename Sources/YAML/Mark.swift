/// A position in YAML input, 1-based line and column (columns count Unicode scalars),
/// so every error and every node can point the user at the exact place in their file.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: Mark, b: Mark) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}
