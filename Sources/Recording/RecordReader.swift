import TimeSeries

/// Reads a recording and the files rotated from it (`FILE.N` … `FILE.1`, then `FILE`) block by
/// block, in time order, with bounded memory: one block payload (at most
/// `RecordFormat.maxPayload`) plus the current file's symbol and series tables.
///
/// An unfinished last block — a crash in the middle of a write — is a torn tail: it is dropped
/// and reported in `dropped`, and reading goes on with the next file. Anything else that does
/// not check out (bad magic, a checksum mismatch with data after it, a record that does not
/// decode) throws a `RecordingError` with the file and byte offset. Not thread-safe: one reader
/// belongs to one thread.
public final class RecordReader {
    /// Bytes left out at the end of a file because its last block was cut short or torn.
    public struct DroppedTail: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var offset: Int64
        public var bytes: Int64
        public var reason: String

        public var description: String { "\(file): dropped \(bytes) bytes at offset \(offset): \(reason)" }
    }

    /// The files of the recording, oldest first.
    public let files: [String]
    public private(set) var dropped: [DroppedTail] = []
    public var droppedBytes: Int64 { dropped.reduce(0) { $0 + $1.bytes } }

    private var fileIndex = 0
    private var fd: Int32 = -1
    private var size: Int64 = 0
    private var offset: Int64 = 0
    private var decoder = RecordDecoder()
    private var skipBefore: Int64?

    /// Opens the recording at `path` with its rotated files; throws when there is none.
    public init(path: String) throws(RecordingError) {
        files = Self.rotatedSet(path)
        guard !files.isEmpty else { throw RecordingError(file: path, "no such recording") }
    }

    deinit { closeFile() }

    /// The existing files of the set at `path`, oldest (highest number) first.
    public static func rotatedSet(_ path: String) -> [String] {
        var rotated: [String] = []
        var k = 1
        while k <= 100_000, FileIO.size(atPath: "\(path).\(k)") != nil {
            rotated.append("\(path).\(k)")
            k += 1
        }
        var out = Array(rotated.reversed())
        if FileIO.size(atPath: path) != nil { out.append(path) }
        return out
    }

    /// The label set of series `id` in the file of the last block returned.
    public func labels(ofSeries id: Int) -> Labels {
        id >= 0 && id < decoder.series.count ? decoder.series[id] : .empty
    }

    /// The rule groups the file of the last block returned has declared so far.
    public var groups: [RecordedGroup] { decoder.groups }

    /// The next block, or nil at the end of the last file.
    public func next() throws(RecordingError) -> RecordBlock? {
        while true {
            if fd < 0 {
                guard fileIndex < files.count else { return nil }
                try openFile(fileIndex)
            }
            guard let (payload, at) = try readFrame() else {
                closeFile()
                fileIndex += 1
                continue
            }
            let block = try decoder.decode(payload, base: at + Int64(RecordFormat.frameHeaderSize), file: files[fileIndex],
                                           fileIndex: fileIndex, frameOffset: at)
            if let s = skipBefore, block.time < s { continue }
            skipBefore = nil
            return block
        }
    }

    /// Positions the reader so that `next()` returns the first block written at or after `t`:
    /// files that end before it are not read at all, blocks before it in the first file read
    /// are decoded (their series and values are needed) but not returned.
    public func seek(to t: Int64) throws(RecordingError) {
        closeFile()
        var start = 0
        for i in files.indices.reversed() {
            if let first = try firstTime(ofFile: i), first <= t {
                start = i
                break
            }
        }
        fileIndex = start
        skipBefore = t
    }

    /// The time of the first block of the recording, nil when it has none.
    public func startTime() throws(RecordingError) -> Int64? {
        for i in files.indices {
            if let t = try firstTime(ofFile: i) { return t }
        }
        return nil
    }

    // MARK: Files and frames

    private func firstTime(ofFile i: Int) throws(RecordingError) -> Int64? {
        let saved = (fileIndex, fd, size, offset, decoder, dropped)
        fd = -1
        defer {
            closeFile()
            (fileIndex, fd, size, offset, decoder, dropped) = saved
        }
        try openFile(i)
        guard let (payload, at) = try readFrame() else { return nil }
        return try RecordDecoder.time(of: payload, base: at + Int64(RecordFormat.frameHeaderSize), file: files[i])
    }

    private func openFile(_ i: Int) throws(RecordingError) {
        let path = files[i]
        let f = FileIO.openForReading(path)
        guard f >= 0 else { throw RecordingError(file: path, "cannot open: \(FileIO.errorText())") }
        guard let s = FileIO.size(f) else {
            FileIO.closeFile(f)
            throw RecordingError(file: path, "cannot read its size: \(FileIO.errorText())")
        }
        fd = f
        size = s
        offset = 0
        fileIndex = i
        decoder = RecordDecoder()
        let header = try read(at: 0, count: RecordFormat.headerSize)
        if header.count < RecordFormat.headerSize {
            // A run that died before its header was written: nothing but a torn tail.
            guard RecordFormat.magic.starts(with: header.prefix(RecordFormat.magic.count)) else {
                throw RecordingError(file: path, offset: 0, "not a Vigil recording (bad magic)")
            }
            if s > 0 { dropped.append(DroppedTail(file: path, offset: 0, bytes: s, reason: "incomplete file header")) }
            offset = s
            return
        }
        guard Array(header.prefix(RecordFormat.magic.count)) == RecordFormat.magic else {
            throw RecordingError(file: path, offset: 0, "not a Vigil recording (bad magic)")
        }
        let version = UInt16(header[8]) | UInt16(header[9]) << 8
        guard version == RecordFormat.version else {
            throw RecordingError(file: path, offset: 8, "unsupported recording version \(version) (this Vigil reads \(RecordFormat.version))")
        }
        offset = Int64(RecordFormat.headerSize)
    }

    private func closeFile() {
        if fd >= 0 { FileIO.closeFile(fd) }
        fd = -1
    }

    /// The next frame's payload and the frame's offset; nil at the end of the file (after
    /// noting a torn tail, if any).
    private func readFrame() throws(RecordingError) -> ([UInt8], Int64)? {
        let path = files[fileIndex]
        let at = offset
        let remaining = size - at
        guard remaining > 0 else { return nil }
        func torn(_ reason: String) -> ([UInt8], Int64)? {
            dropped.append(DroppedTail(file: path, offset: at, bytes: remaining, reason: reason))
            offset = size
            return nil
        }
        guard remaining >= Int64(RecordFormat.frameHeaderSize) else { return torn("incomplete block header") }
        let h = try read(at: at, count: RecordFormat.frameHeaderSize)
        let length = UInt32(h[0]) | UInt32(h[1]) << 8 | UInt32(h[2]) << 16 | UInt32(h[3]) << 24
        let stored = UInt32(h[4]) | UInt32(h[5]) << 8 | UInt32(h[6]) << 16 | UInt32(h[7]) << 24
        guard length > 0, length <= UInt32(RecordFormat.maxPayload) else {
            if try zeroFrom(at) { return torn("zero-filled tail") }
            throw RecordingError(file: path, offset: at, "block length \(length) out of range (1...\(RecordFormat.maxPayload))")
        }
        let end = at + Int64(RecordFormat.frameHeaderSize) + Int64(length)
        guard end <= size else { return torn("last block cut short (\(length) bytes announced, \(remaining - 8) present)") }
        let payload = try read(at: at + Int64(RecordFormat.frameHeaderSize), count: Int(length))
        let computed = CRC32C.checksum(payload)
        guard computed == stored else {
            if end == size { return torn("checksum mismatch in the last block") }
            throw RecordingError(file: path, offset: at, "block checksum mismatch (stored \(hex(stored)), computed \(hex(computed)))")
        }
        offset = end
        return (payload, at)
    }

    private func read(at position: Int64, count: Int) throws(RecordingError) -> [UInt8] {
        switch FileIO.read(fd, at: position, count: count) {
        case .success(let bytes): return bytes
        case .failure(let e): throw RecordingError(file: files[fileIndex], offset: position, "read failed: \(e.message)")
        }
    }

    /// True when every byte from `position` to the end of the file is zero (a file extended
    /// by the file system but never written, after a crash).
    private func zeroFrom(_ position: Int64) throws(RecordingError) -> Bool {
        var p = position
        while p < size {
            let chunk = try read(at: p, count: Int(min(size - p, 1 << 16)))
            guard !chunk.isEmpty else { return true }
            if chunk.contains(where: { $0 != 0 }) { return false }
            p += Int64(chunk.count)
        }
        return true
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
    }
}
