/// A size in bytes: a plain integer, or a number with a unit. IEC units are powers of 1024
/// (`KiB`, `MiB`, `GiB`, `TiB`); SI units are powers of 1000 (`KB`, `MB`, `GB`, `TB`); `B` is bytes.
public struct ByteSize: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var bytes: Int64

    public init(bytes: Int64) { self.bytes = bytes }

    public static func < (a: ByteSize, b: ByteSize) -> Bool { a.bytes < b.bytes }

    static let units: [String: Int64] = [
        "b": 1, "kb": 1000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
    ]

    public static func parse(_ text: String) -> Result<ByteSize, DurationError> {
        let trimmed = text.trimmingSpaces
        var number = ""
        var unit = ""
        for c in trimmed.unicodeScalars {
            if unit.isEmpty && (("0"..."9").contains(c) || c == ".") {
                number.unicodeScalars.append(c)
            } else if c != " " || !unit.isEmpty {
                unit.unicodeScalars.append(c)
            }
        }
        guard !number.isEmpty, let value = Double(number), value.isFinite else {
            return .failure(DurationError("expected a number of bytes, optionally with a unit like 512MiB or 1GB"))
        }
        let factor: Int64
        if unit.isEmpty {
            guard !number.contains(".") else { return .failure(DurationError("a plain byte count must be a whole number")) }
            factor = 1
        } else if let f = units[unit.lowercased()] {
            factor = f
        } else {
            return .failure(DurationError("unknown unit \"\(unit)\"; use B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024)"))
        }
        let bytes = (value * Double(factor)).rounded()
        guard bytes < 9.2e18 else { return .failure(DurationError("the size is too large")) }
        return .success(ByteSize(bytes: Int64(bytes)))
    }

    public var description: String {
        for (name, factor) in [("TiB", Int64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor)\(name)"
        }
        return "\(bytes)B"
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
