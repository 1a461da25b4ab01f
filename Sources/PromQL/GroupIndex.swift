import TimeSeries

/// Finds an aggregation group by its labels: by comparison while there are few groups (most
/// aggregations have one or a handful, and hashing a label set costs more than comparing a few),
/// by hash once there are many.
struct GroupIndex {
    static let linearLimit = 8

    private var small: [Labels] = []
    private var hashed: [Labels: Int]?
    private(set) var count = 0

    /// The position of the group with `labels`, if it was added.
    func find(_ labels: Labels) -> Int? {
        if let hashed { return hashed[labels] }
        for i in small.indices where small[i] == labels { return i }
        return nil
    }

    /// Adds a group (not yet present) and returns its position: 0, 1, 2, ... in order of adding.
    @discardableResult
    mutating func add(_ labels: Labels) -> Int {
        let position = count
        count += 1
        if hashed != nil {
            hashed?[labels] = position
        } else {
            small.append(labels)
            if small.count > GroupIndex.linearLimit {
                var h = [Labels: Int](minimumCapacity: 2 * small.count)
                for (i, l) in small.enumerated() { h[l] = i }
                hashed = h
                small = []
            }
        }
        return position
    }
}
