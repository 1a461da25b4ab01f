/// Hash key for finding a series by its interned label ids without building strings.
///
/// It points at id memory owned elsewhere (a series' label buffer, or a caller's temporary for
/// lookups); the store removes a key from its map before freeing the memory it points at.
struct LabelKey: Hashable {
    let ids: UnsafePointer<UInt32>?
    let count: Int

    static func == (a: LabelKey, b: LabelKey) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a.ids![i] != b.ids![i] { return false }
        return true
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        if let ids { hasher.combine(bytes: UnsafeRawBufferPointer(start: ids, count: count * 4)) }
    }
}
