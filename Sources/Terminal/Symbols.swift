/// The symbol tables behind canvases, bars and shades.
public enum Symbols {
    /// All 256 braille patterns, U+2800 + dot bits.
    public static let braille: [String] = (0..<256).map { bits in
        Unicode.Scalar(0x2800 + UInt32(bits)).map { String(Character($0)) } ?? " "
    }

    /// The braille bit for the dot at [row][column] in a 2×4 cell (dots 1,2,3,7 left; 4,5,6,8 right).
    public static let brailleBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Quadrant blocks by bits (1 top-left, 2 top-right, 4 bottom-left, 8 bottom-right).
    public static let quadrants: [String] = [
        " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
    ]

    /// ASCII canvas cells: bit 1 top half, bit 2 bottom half.
    public static let asciiDots: [String] = [" ", "'", ".", ":"]

    /// Lower eighth blocks, empty to full.
    public static let verticalEighths: [String] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Left eighth blocks, empty to full.
    public static let horizontalEighths: [String] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// ASCII bar levels, empty to full.
    public static let asciiVertical: [String] = [" ", "_", ".", "-", "=", "#"]
    public static let asciiHorizontal: [String] = [" ", "-", "=", "#"]

    public static let upperHalf = "▀"
    public static let lowerHalf = "▄"
    public static let fullBlock = "█"
    public static let ellipsis = "…"
}
