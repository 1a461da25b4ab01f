/// Hex helpers for test vectors: whitespace (as in RFC layouts) is ignored.
func hex(_ text: String) -> [UInt8] {
    let digits = text.unicodeScalars.filter { !$0.properties.isWhitespace }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    var high: UInt8?
    for scalar in digits {
        guard let value = UInt8(String(scalar), radix: 16) else { continue }
        if let h = high {
            out.append(h << 4 | value)
            high = nil
        } else {
            high = value
        }
    }
    return out
}

func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
