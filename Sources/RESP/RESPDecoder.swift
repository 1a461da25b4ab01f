/// Streaming RESP2 decoder: feed bytes as they arrive, take complete replies with `next()`.
///
/// Arrays are built on an explicit stack (no recursion), elements already decoded are kept when a
/// read ends mid-reply, so a large reply arriving in many reads is parsed once, in linear time.
/// Every length is checked against `RESPLimits` before anything is allocated for it. After a
/// protocol error the stream is out of sync: the decoder keeps returning that error.
public struct RESPDecoder: Sendable {
    private struct Frame: Sendable {
        var remaining: Int
        var elements: [RESPValue]
    }

    public let limits: RESPLimits
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the first byte not yet consumed.
    private var readIndex = 0
    /// Stream offset of `buffer[0]`.
    private var baseOffset = 0
    private var stack: [Frame] = []
    /// Bytes of the current top-level reply consumed so far.
    private var replyBytes = 0
    private var failure: RESPProtocolError?

    public init(limits: RESPLimits = .default) {
        self.limits = limits
    }

    /// Bytes fed but not yet consumed by a complete element.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// True if the decoder holds part of a reply (bytes or decoded elements of an open array).
    public var hasPartialReply: Bool { readIndex < buffer.count || !stack.isEmpty }

    /// Adds bytes read from the connection.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes read from the connection.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or nil if more bytes are needed.
    public mutating func next() throws(RESPProtocolError) -> RESPValue? {
        if let failure { throw failure }
        do {
            return try decodeNext()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func compactIfWorthwhile() {
        if readIndex > 0 && (readIndex == buffer.count || readIndex >= 4096 && readIndex * 2 >= buffer.count) {
            buffer.removeSubrange(0..<readIndex)
            baseOffset += readIndex
            readIndex = 0
        }
    }

    private mutating func decodeNext() throws(RESPProtocolError) -> RESPValue? {
        while readIndex < buffer.count {
            let start = readIndex
            let type = buffer[start]
            var value: RESPValue
            switch type {
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"):
                guard let end = try lineEnd(from: start + 1) else { return nil }
                let consumed = end + 2 - start
                try account(consumed, at: start)
                let text = buffer[(start + 1)..<end]
                if type == UInt8(ascii: ":") {
                    value = .integer(try parseInteger(text, at: start + 1))
                } else {
                    let s = String(decoding: text, as: UTF8.self)
                    value = type == UInt8(ascii: "+") ? .simpleString(s) : .error(s)
                }
                readIndex = end + 2
            case UInt8(ascii: "$"):
                guard let end = try lineEnd(from: start + 1) else { return nil }
                let length = try parseInteger(buffer[(start + 1)..<end], at: start + 1)
                let header = end + 2 - start
                if length == -1 {
                    try account(header, at: start)
                    readIndex = end + 2
                    value = .null
                    break
                }
                if length < -1 { throw RESPProtocolError(.negativeLength(length), offset: baseOffset + start + 1) }
                guard length <= Int64(limits.maxBulkLength) else {
                    throw RESPProtocolError(.bulkTooLong(declared: length, limit: limits.maxBulkLength), offset: baseOffset + start + 1)
                }
                let n = Int(length)
                // Check the whole element against the reply budget before waiting for (and buffering) its bytes.
                guard replyBytes + header + n + 2 <= limits.maxReplySize else {
                    throw RESPProtocolError(.replyTooLarge(limit: limits.maxReplySize), offset: baseOffset + start)
                }
                let dataStart = end + 2
                guard buffer.count - dataStart >= n + 2 else { return nil }
                guard buffer[dataStart + n] == 13, buffer[dataStart + n + 1] == 10 else {
                    throw RESPProtocolError(.missingCRLF, offset: baseOffset + dataStart + n)
                }
                replyBytes += header + n + 2
                value = .bulkString(Array(buffer[dataStart..<(dataStart + n)]))
                readIndex = dataStart + n + 2
            case UInt8(ascii: "*"):
                guard let end = try lineEnd(from: start + 1) else { return nil }
                let count = try parseInteger(buffer[(start + 1)..<end], at: start + 1)
                try account(end + 2 - start, at: start)
                if count == -1 {
                    readIndex = end + 2
                    value = .null
                    break
                }
                if count < -1 { throw RESPProtocolError(.negativeLength(count), offset: baseOffset + start + 1) }
                guard count <= Int64(limits.maxArrayLength) else {
                    throw RESPProtocolError(.arrayTooLong(declared: count, limit: limits.maxArrayLength), offset: baseOffset + start + 1)
                }
                if count == 0 {
                    readIndex = end + 2
                    value = .array([])
                    break
                }
                guard stack.count < limits.maxDepth else {
                    throw RESPProtocolError(.tooDeep(limit: limits.maxDepth), offset: baseOffset + start)
                }
                // Reserve no more than the bytes already seen could fill: a declared count is untrusted.
                var elements: [RESPValue] = []
                elements.reserveCapacity(min(Int(count), 1024))
                stack.append(Frame(remaining: Int(count), elements: elements))
                readIndex = end + 2
                continue
            case UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "="),
                 UInt8(ascii: "("), UInt8(ascii: "%"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                throw RESPProtocolError(.resp3Type(type), offset: baseOffset + start)
            default:
                throw RESPProtocolError(.unexpectedTypeByte(type), offset: baseOffset + start)
            }
            // Attach the finished value to the open arrays, closing those it completes.
            while !stack.isEmpty {
                let top = stack.count - 1
                stack[top].elements.append(value)
                stack[top].remaining -= 1
                guard stack[top].remaining == 0 else { break }
                value = .array(stack.removeLast().elements)
            }
            if stack.isEmpty {
                replyBytes = 0
                return value
            }
        }
        return nil
    }

    /// Index of the CR ending the line that starts at `from`, nil if the line is not complete yet.
    private func lineEnd(from: Int) throws(RESPProtocolError) -> Int? {
        var i = from
        let limitEnd = min(buffer.count, from + limits.maxLineLength + 1)
        while i < limitEnd {
            let b = buffer[i]
            if b == 13 {
                guard i + 1 < buffer.count else { return nil }
                guard buffer[i + 1] == 10 else { throw RESPProtocolError(.missingCRLF, offset: baseOffset + i) }
                return i
            }
            if b == 10 { throw RESPProtocolError(.missingCRLF, offset: baseOffset + i) }
            i += 1
        }
        if buffer.count - from > limits.maxLineLength {
            throw RESPProtocolError(.lineTooLong(limit: limits.maxLineLength), offset: baseOffset + from)
        }
        return nil
    }

    private mutating func account(_ bytes: Int, at start: Int) throws(RESPProtocolError) {
        replyBytes += bytes
        if replyBytes > limits.maxReplySize {
            throw RESPProtocolError(.replyTooLarge(limit: limits.maxReplySize), offset: baseOffset + start)
        }
    }

    private func parseInteger(_ text: ArraySlice<UInt8>, at offset: Int) throws(RESPProtocolError) -> Int64 {
        var i = text.startIndex
        var negative = false
        if i < text.endIndex, text[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if i < text.endIndex, text[i] == UInt8(ascii: "+") {
            i += 1
        }
        guard i < text.endIndex else { throw invalidInteger(text, offset) }
        var value: Int64 = 0
        while i < text.endIndex {
            let d = text[i] &- UInt8(ascii: "0")
            guard d < 10 else { throw invalidInteger(text, offset) }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { throw invalidInteger(text, offset) }
            value = s
            i += 1
        }
        return value
    }

    private func invalidInteger(_ text: ArraySlice<UInt8>, _ offset: Int) -> RESPProtocolError {
        var shown = String(decoding: text.prefix(40), as: UTF8.self)
        if text.count > 40 { shown += "…" }
        return RESPProtocolError(.invalidInteger(shown), offset: baseOffset + offset)
    }
}
