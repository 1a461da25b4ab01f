/// Anything that can paint itself into a rectangle of a buffer. A widget paints only inside `area`
/// (clipped to the buffer) and copes with any size, including zero and one cell.
public protocol Widget {
    func render(area: Rect, buffer: inout Buffer)
}
