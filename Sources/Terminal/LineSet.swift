/// The characters of a box or axis: corners, edges and tees, in Unicode or ASCII.
public struct LineSet: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// ┤: a y-axis tick.
    public var verticalLeft: String
    /// ┬: an x-axis tick.
    public var horizontalDown: String
    /// A dashed horizontal (threshold lines drawn as text).
    public var dashed: String

    public static let rounded = LineSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                        bottomLeft: "╰", bottomRight: "╯", verticalLeft: "┤",
                                        horizontalDown: "┬", dashed: "╌")
    public static let single = LineSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", verticalLeft: "┤",
                                       horizontalDown: "┬", dashed: "╌")
    public static let double = LineSet(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                       bottomLeft: "╚", bottomRight: "╝", verticalLeft: "╣",
                                       horizontalDown: "╦", dashed: "═")
    public static let thick = LineSet(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                      bottomLeft: "┗", bottomRight: "┛", verticalLeft: "┫",
                                      horizontalDown: "┳", dashed: "╍")
    public static let ascii = LineSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                      bottomLeft: "+", bottomRight: "+", verticalLeft: "+",
                                      horizontalDown: "+", dashed: "-")
}
