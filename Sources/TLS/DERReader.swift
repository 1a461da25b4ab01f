/// A strict, non-recursive DER reader over a byte array: the caller walks the structure with `read`,
/// `enter` and the typed helpers, so nesting depth is the caller's (bounded) code, not the input's.
/// Rejects indefinite and non-minimal lengths, multi-byte tags and lengths beyond the enclosing element.
public struct DERReader: Sendable {
    public let bytes: [UInt8]
    /// Next unread offset.
    public private(set) var position: Int
    /// End of the region this reader may read (the enclosing element's content).
    public let end: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
    }

    /// A reader over `range` of `bytes` (e.g. an element found earlier), with offsets still relative to `bytes`.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    public var isAtEnd: Bool { position >= end }

    /// The tag of the next element without consuming it, or nil at the end.
    public var peekTag: DERTag? { isAtEnd ? nil : DERTag(rawValue: bytes[position]) }

    /// Reads the next element of any tag.
    public mutating func read() throws(DERError) -> DERElement {
        let start = position
        guard position < end else { throw DERError(offset: position, "unexpected end of data") }
        let tag = DERTag(rawValue: bytes[position])
        guard tag.rawValue & 0x1f != 0x1f else { throw DERError(offset: position, "multi-byte tags are not supported") }
        position += 1
        guard position < end else { throw DERError(offset: position, "missing length") }
        let first = bytes[position]
        position += 1
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7f)
            guard count != 0 else { throw DERError(offset: position - 1, "indefinite length is not DER") }
            guard count <= 4 else { throw DERError(offset: position - 1, "length of \(count) bytes is too large") }
            guard position + count <= end else { throw DERError(offset: position, "truncated length") }
            length = 0
            for i in 0..<count { length = length << 8 | Int(bytes[position + i]) }
            guard bytes[position] != 0, length >= 0x80 else { throw DERError(offset: position - 1, "non-minimal length") }
            position += count
        }
        guard length <= end - position else {
            throw DERError(offset: start, "element of \(length) bytes overruns its container (\(end - position) left)")
        }
        let content = position..<(position + length)
        position += length
        return DERElement(tag: tag, start: start, content: content)
    }

    /// Reads the next element and requires its tag.
    public mutating func read(_ tag: DERTag) throws(DERError) -> DERElement {
        let offset = position
        let element = try read()
        guard element.tag == tag else { throw DERError(offset: offset, "expected \(tag), found \(element.tag)") }
        return element
    }

    /// Reads a constructed element (SEQUENCE, SET, explicit tag) and returns a reader over its content.
    public mutating func enter(_ tag: DERTag = .sequence) throws(DERError) -> DERReader {
        let element = try read(tag)
        return DERReader(bytes, range: element.content)
    }

    /// Reads an optional element: returns nil (consuming nothing) when the next tag differs.
    public mutating func readOptional(_ tag: DERTag) throws(DERError) -> DERElement? {
        peekTag == tag ? try read(tag) : nil
    }

    /// Requires that everything in this container was consumed.
    public func finish() throws(DERError) {
        guard isAtEnd else { throw DERError(offset: position, "\(end - position) unexpected trailing bytes") }
    }

    public func content(_ element: DERElement) -> ArraySlice<UInt8> { bytes[element.content] }

    /// A non-negative INTEGER's magnitude, big-endian without the sign byte; rejects negative and non-minimal encodings.
    public mutating func readUnsignedInteger() throws(DERError) -> [UInt8] {
        let element = try read(.integer)
        let c = bytes[element.content]
        guard let first = c.first else { throw DERError(offset: element.start, "empty INTEGER") }
        guard first & 0x80 == 0 else { throw DERError(offset: element.start, "negative INTEGER") }
        if c.count > 1, first == 0, c[c.startIndex + 1] & 0x80 == 0 {
            throw DERError(offset: element.start, "non-minimal INTEGER")
        }
        return Array(c.drop(while: { $0 == 0 }))
    }

    /// A small INTEGER (e.g. a version) as Int; rejects values that do not fit in 62 bits.
    public mutating func readSmallInteger() throws(DERError) -> Int {
        let offset = position
        let magnitude = try readUnsignedInteger()
        guard magnitude.count <= 7 else { throw DERError(offset: offset, "INTEGER too large") }
        return magnitude.reduce(0) { $0 << 8 | Int($1) }
    }

    /// BOOLEAN: DER allows only 0x00 and 0xFF.
    public mutating func readBoolean() throws(DERError) -> Bool {
        let element = try read(.boolean)
        let c = bytes[element.content]
        guard c.count == 1, c.first == 0 || c.first == 0xff else { throw DERError(offset: element.start, "BOOLEAN must be 00 or FF") }
        return c.first == 0xff
    }

    /// OBJECT IDENTIFIER in dotted form ("1.2.840.113549.1.1.11"); rejects non-minimal sub-identifiers.
    public mutating func readObjectIdentifier() throws(DERError) -> String {
        let element = try read(.objectIdentifier)
        let c = bytes[element.content]
        guard !c.isEmpty, c.last.map({ $0 & 0x80 == 0 }) == true else { throw DERError(offset: element.start, "malformed OBJECT IDENTIFIER") }
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        var startOfArc = true
        for byte in c {
            if startOfArc, byte == 0x80 { throw DERError(offset: element.start, "non-minimal OBJECT IDENTIFIER arc") }
            guard value >> 57 == 0 else { throw DERError(offset: element.start, "OBJECT IDENTIFIER arc too large") }
            value = value << 7 | UInt64(byte & 0x7f)
            startOfArc = byte & 0x80 == 0
            if startOfArc {
                arcs.append(value)
                value = 0
            }
        }
        let first = arcs[0]
        let head: [UInt64] = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80]
        return (head + arcs.dropFirst()).map(String.init).joined(separator: ".")
    }

    /// BIT STRING content with zero unused bits (keys and signatures); rejects other forms.
    public mutating func readBitStringBytes() throws(DERError) -> [UInt8] {
        let element = try read(.bitString)
        let c = bytes[element.content]
        guard let unused = c.first else { throw DERError(offset: element.start, "empty BIT STRING") }
        guard unused == 0 else { throw DERError(offset: element.start, "BIT STRING with \(unused) unused bits where whole bytes are expected") }
        return Array(c.dropFirst())
    }

    public mutating func readOctetString() throws(DERError) -> [UInt8] {
        Array(content(try read(.octetString)))
    }

    public mutating func readNull() throws(DERError) {
        let element = try read(.null)
        guard element.content.isEmpty else { throw DERError(offset: element.start, "NULL with content") }
    }
}
