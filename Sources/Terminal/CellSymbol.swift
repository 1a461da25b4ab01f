/// A cell's grapheme stored inline as up to 15 bytes of UTF-8, so a `Cell` is plain data: frames are
/// cleared, copied and diffed as bytes, with no reference counting per cell (a `String` field made
/// every cell copy retain and release). A cluster longer than 15 bytes (a long emoji sequence) keeps
/// its first scalar, as the terminal backend would draw it anyway.
public struct CellSymbol: Hashable, Sendable {
    /// Bytes 0...7 of the UTF-8, little end first.
    private var low: UInt64
    /// Bytes 8...14; the top byte is the length.
    private var high: UInt64

    public static let space = CellSymbol(asciiByte: 0x20)
    public static let empty = CellSymbol(low: 0, high: 0)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// One ASCII character.
    init(asciiByte: UInt8) {
        low = UInt64(asciiByte)
        high = 1 << 56
    }

    public init(_ text: String) {
        var text = text
        let stored: CellSymbol? = text.withUTF8 { CellSymbol(utf8: $0) }
        if let stored {
            self = stored
        } else if let first = text.unicodeScalars.first {
            var scalar = String(first)
            self = scalar.withUTF8 { CellSymbol(utf8: $0) } ?? .empty
        } else {
            self = .empty
        }
    }

    /// Nil when the bytes do not fit.
    private init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count <= 15 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (i, byte) in utf8.enumerated() {
            if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        high |= UInt64(utf8.count) << 56
        self.init(low: low, high: high)
    }

    /// Bytes of UTF-8 held.
    public var count: Int { Int(high >> 56) }
    public var isEmpty: Bool { count == 0 }

    /// True for exactly one space.
    public var isSpace: Bool { self == .space }

    public var string: String {
        let n = count
        if n == 0 { return "" }
        if n == 1 { return String(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: low)))) }
        var bytes = (low.littleEndian, high.littleEndian)
        return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(n), as: UTF8.self) }
    }
}
