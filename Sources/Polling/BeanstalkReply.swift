/// One beanstalkd reply: `OK <bytes>` with its data (the YAML of `list-tubes`/`stats-tube`),
/// or any other one-line status (`NOT_FOUND`, `BAD_FORMAT`, `OUT_OF_MEMORY`...).
enum BeanstalkReply: Equatable {
    case data([UInt8])
    case status(String)
}

/// Cuts replies out of the byte stream. Bounded: a status line longer than `maxLine` or data
/// longer than `maxData` is an error, so a confused or hostile server cannot grow the buffer.
struct BeanstalkReplyParser {
    let maxLine: Int
    let maxData: Int
    private var buffer: [UInt8] = []
    private var start = 0

    init(maxLine: Int = 256, maxData: Int = 4 << 20) {
        self.maxLine = maxLine
        self.maxData = maxData
    }

    var hasBufferedBytes: Bool { start < buffer.count }

    mutating func feed(_ bytes: ArraySlice<UInt8>) throws(PollError) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or nil when more bytes are needed.
    mutating func next() throws(PollError) -> BeanstalkReply? {
        guard let lineEnd = findCRLF(from: start) else {
            if buffer.count - start > maxLine {
                throw PollError("unexpected reply: a line longer than \(maxLine) bytes (not beanstalkd?)")
            }
            return nil
        }
        guard lineEnd - start <= maxLine else {
            throw PollError("unexpected reply: a line longer than \(maxLine) bytes (not beanstalkd?)")
        }
        let line = String(decoding: buffer[start..<lineEnd], as: UTF8.self)
        guard line.hasPrefix("OK ") else {
            guard !line.isEmpty, line.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || $0 == 0x20 || ($0 >= 0x30 && $0 <= 0x39) }) else {
                throw PollError("unexpected reply \"\(BrokerHTTP.printable(line, max: 40))\" (not beanstalkd?)")
            }
            start = lineEnd + 2
            return .status(line)
        }
        guard let size = Int(line.dropFirst(3)), size >= 0 else {
            throw PollError("unexpected reply \"\(BrokerHTTP.printable(line, max: 40))\"")
        }
        guard size <= maxData else { throw PollError("a reply of \(size) bytes is over the limit of \(maxData) bytes") }
        let dataStart = lineEnd + 2
        guard buffer.count - dataStart >= size + 2 else { return nil }
        guard buffer[dataStart + size] == 0x0D, buffer[dataStart + size + 1] == 0x0A else {
            throw PollError("unexpected reply: data of \(size) bytes not followed by CRLF")
        }
        let data = Array(buffer[dataStart..<(dataStart + size)])
        start = dataStart + size + 2
        return .data(data)
    }

    private func findCRLF(from: Int) -> Int? {
        var i = from
        while i + 1 < buffer.count {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A { return i }
            i += 1
        }
        return nil
    }
}
