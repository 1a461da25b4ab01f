/// Answers terminal queries found in a program's output as xterm does: DSR cursor position
/// (`ESC[6n`), device status (`ESC[5n`) and primary device attributes (`ESC[c`). Sequences split
/// across reads are recognised.
struct QueryResponder {
    private static let answers: [(query: [UInt8], reply: [UInt8])] = [
        (Array("\u{1B}[6n".utf8), Array("\u{1B}[1;1R".utf8)),
        (Array("\u{1B}[5n".utf8), Array("\u{1B}[0n".utf8)),
        (Array("\u{1B}[c".utf8), Array("\u{1B}[?62;22c".utf8)),
        (Array("\u{1B}[0c".utf8), Array("\u{1B}[?62;22c".utf8)),
    ]
    private var tail: [UInt8] = []

    /// The replies owed for `chunk` (in order).
    mutating func feed(_ chunk: ArraySlice<UInt8>) -> [[UInt8]] {
        guard chunk.contains(0x1B) || !tail.isEmpty else { return [] }
        let bytes = tail + chunk
        tail = []
        var replies: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B else { i += 1; continue }
            let rest = bytes[i...]
            if Self.answers.contains(where: { rest.count < $0.query.count && $0.query.starts(with: rest) }) {
                tail = Array(rest)  // cut short by the read: finish it with the next chunk
                break
            }
            if let hit = Self.answers.first(where: { rest.starts(with: $0.query) }) { replies.append(hit.reply) }
            i += 1
        }
        return replies
    }
}
