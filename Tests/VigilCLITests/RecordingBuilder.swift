import Foundation

/// Writes a recording byte by byte from the format's description (docs/RECORDING.md), with its
/// own bitwise CRC-32C, so the CLI tests check `vigil replay` against the spec rather than
/// against the writer that shares its code.
struct RecordingBuilder {
    private(set) var bytes: [UInt8] = Array("VIGILREC".utf8) + [1, 0, 0, 0]
    /// Frame offsets of the blocks written so far.
    private(set) var offsets: [Int] = []
    private var declared: [String: Int] = [:]
    private var previous: [Int: Int64] = [:]

    /// One block at `time` with integer samples `(series key, labels, t, value)`; series are
    /// declared on first use (symbols always inline).
    mutating func block(time: Int64, _ samples: [(labels: [(String, String)], t: Int64, value: Int64)]) {
        var p: [UInt8] = []
        Self.varint(time, into: &p)
        var ids: [Int] = []
        for s in samples {
            let key = s.labels.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
            if let id = declared[key] {
                ids.append(id)
                continue
            }
            let id = declared.count
            declared[key] = id
            ids.append(id)
            p.append(1)
            Self.uvarint(UInt64(id), into: &p)
            Self.uvarint(UInt64(s.labels.count), into: &p)
            for (name, value) in s.labels {
                for text in [name, value] {
                    p.append(0)
                    Self.uvarint(UInt64(text.utf8.count), into: &p)
                    p.append(contentsOf: text.utf8)
                }
            }
        }
        p.append(2)
        Self.uvarint(UInt64(samples.count), into: &p)
        var previousID = -1
        var previousT = time
        for (s, id) in zip(samples, ids) {
            Self.varint(Int64(id - (previousID + 1)), into: &p)
            p.append(0x80 | 2)  // time delta follows; integer delta value
            Self.varint(s.t - previousT, into: &p)
            Self.varint(s.value - (previous[id] ?? 0), into: &p)
            previous[id] = s.value
            previousID = id
            previousT = s.t
        }
        offsets.append(bytes.count)
        Self.u32(UInt32(p.count), into: &bytes)
        Self.u32(Self.crc32c(p), into: &bytes)
        bytes += p
    }

    static func uvarint(_ v: UInt64, into out: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func varint(_ v: Int64, into out: inout [UInt8]) {
        uvarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
    }

    static func u32(_ v: UInt32, into out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) }
    }

    /// CRC-32C, one bit at a time.
    static func crc32c(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        }
        return ~c
    }
}
