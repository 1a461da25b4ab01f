@testable import Terminal

/// The marker every test buffer starts filled with: any marker left inside a widget's area was not
/// painted, any marker missing outside it was painted where it should not have been.
let marker = "·"

/// Renders `widget` into a `width`×`height` buffer pre-filled with the marker and returns its lines.
func rendered(_ widget: any Widget, width: Int, height: Int, area: Rect) -> [String] {
    var buffer = Buffer(width: width, height: height, fill: Cell(marker))
    widget.render(area: area, buffer: &buffer)
    return buffer.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// True when every cell outside `area` still holds the marker.
func untouchedOutside(_ widget: any Widget, width: Int, height: Int, area: Rect) -> Bool {
    var buffer = Buffer(width: width, height: height, fill: Cell(marker))
    widget.render(area: area, buffer: &buffer)
    for y in 0..<height {
        for x in 0..<width where !area.contains(x: x, y: y) {
            if buffer[x, y] != Cell(marker) { return false }
        }
    }
    return true
}
