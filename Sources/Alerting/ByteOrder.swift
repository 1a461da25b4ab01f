/// Byte-wise string order, as Go compares strings.
enum ByteOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
