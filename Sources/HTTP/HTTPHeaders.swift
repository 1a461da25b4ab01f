/// An ordered list of header fields with case-insensitive lookup by name. Keeps repeated fields (the
/// order matters for `Set-Cookie`-like headers) and the names as the peer wrote them.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    public typealias Field = (name: String, value: String)

    private var storage: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        storage = elements.map { (name: $0.0, value: $0.1) }
    }

    public init(_ fields: [(String, String)]) {
        storage = fields.map { (name: $0.0, value: $0.1) }
    }

    public static func == (a: HTTPHeaders, b: HTTPHeaders) -> Bool {
        a.storage.count == b.storage.count && zip(a.storage, b.storage).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> { storage.makeIterator() }

    /// The first value of the field `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        for f in storage where HTTPHeaders.sameName(f.name, name) { return f.value }
        return nil
    }

    /// All values of the field `name`, in order.
    public func values(for name: String) -> [String] {
        storage.compactMap { HTTPHeaders.sameName($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Adds a field, keeping existing ones with the same name.
    public mutating func add(_ name: String, _ value: String) {
        storage.append((name: name, value: value))
    }

    /// Replaces all fields named `name` with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        storage.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        storage.removeAll { HTTPHeaders.sameName($0.name, name) }
    }

    /// ASCII case-insensitive equality without allocating.
    static func sameName(_ a: String, _ b: String) -> Bool {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x != y && lower(x) != lower(y) { return false }
            default: return false
            }
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }
}
