import Synchronization
import TimeSeries

/// Appends a recording to `path`: each batch one CRC-framed block written with one `write(2)`
/// (nothing buffered in the process, so a crash loses at most the block being written), data
/// synced to disk now and then rather than per block. When the file passes `maxBytes` it is
/// rotated — `path` → `path.1` → … → `path.keep`, the oldest deleted — and the new file declares
/// again the series it uses. An existing recording at `path` is rotated away when the writer
/// opens, so one file never mixes two runs.
///
/// Thread-safe: all state sits behind one `Mutex`, held for each write.
public final class RecordWriter: Sendable {
    public struct Stats: Sendable, Hashable {
        public var blocks = 0
        public var samples = 0
        /// Bytes written to every file since the writer opened (headers and framing included).
        public var bytes: Int64 = 0
        public var rotations = 0
    }

    private struct State: ~Copyable {
        var fd: Int32 = -1
        var size: Int64 = 0
        var encoder = RecordEncoder()
        var lastTime = Int64.min
        var lastSync: Int64 = 0
        var sessions: UInt32 = 0
        var stats = Stats()
        var closed = false
        /// The rule groups of the running rule set, declared again at the start of every file.
        var groups: [RecordedGroup] = []
        var failure: RecordingError?
    }

    public let path: String
    public let maxBytes: Int64
    public let keep: Int
    /// Least time (ms of block time) between two `fdatasync` calls.
    public let syncInterval: Int64
    private let state: Mutex<State>

    public init(path: String, maxBytes: Int64 = 256 << 20, keep: Int = 4, syncInterval: Int64 = 10_000) throws(RecordingError) {
        self.path = path
        self.maxBytes = max(1024, maxBytes)
        self.keep = max(0, min(keep, 1000))
        self.syncInterval = max(0, syncInterval)
        var s = State()
        if let size = FileIO.size(atPath: path), size > 0 { try Self.rotateFiles(path, keep: self.keep) }
        try Self.create(path, into: &s)
        state = Mutex(s)
    }

    deinit { close() }

    /// A number that keeps the series refs of one store apart from another's (a reload builds a
    /// new store whose refs may repeat the old one's).
    public func newSession() -> UInt32 {
        state.withLock { s in
            s.sessions &+= 1
            return s.sessions
        }
    }

    public var stats: Stats { state.withLock { $0.stats } }

    /// The first write error; after one, every write is skipped.
    public var failure: RecordingError? { state.withLock { $0.failure } }

    /// Writes one ingest batch (one block, or a few when it is very large). `labels` names the
    /// series of a ref the current file has not declared yet; nil drops that sample.
    public func writeSamples(time: Int64, session: UInt32, refs: [UInt64], ts: [Int64], bits: [UInt64],
                             labels: (UInt64) -> Labels?) throws(RecordingError) {
        try state.withLock { (s: inout State) throws(RecordingError) in
            guard !s.closed, s.failure == nil else { return }
            let t = max(time, s.lastTime)
            let (payloads, written) = s.encoder.samples(time: t, session: session, refs: refs, ts: ts, bits: bits, labels: labels)
            try write(payloads, time: t, into: &s)
            s.stats.samples += written
        }
    }

    /// Writes a metric's metadata when it differs from what the current file has.
    public func writeMetadata(time: Int64, metric: String, meta: MetricMetadata) throws(RecordingError) {
        try state.withLock { (s: inout State) throws(RecordingError) in
            guard !s.closed, s.failure == nil else { return }
            let t = max(time, s.lastTime)
            guard let p = s.encoder.metadata(time: t, metric: metric, meta: meta) else { return }
            try write([p], time: t, into: &s)
        }
    }

    /// Writes that `group` was evaluated at `evalTime`, with the alerts whose state changed.
    public func writeEvaluation(time: Int64, group: RecordedGroup, at evalTime: Int64,
                                transitions: [RecordedAlert]) throws(RecordingError) {
        try state.withLock { (s: inout State) throws(RecordingError) in
            guard !s.closed, s.failure == nil else { return }
            let t = max(time, s.lastTime)
            guard let p = s.encoder.evaluation(time: t, group: group, at: evalTime, transitions: transitions) else { return }
            try write([p], time: t, into: &s)
        }
    }

    /// Declares the rule groups the run evaluates (before any evaluation of them), here and at
    /// the start of every later file, so a replay knows which groups the recording drives.
    public func declareGroups(time: Int64, _ groups: [RecordedGroup]) throws(RecordingError) {
        try state.withLock { (s: inout State) throws(RecordingError) in
            guard !s.closed, s.failure == nil else { return }
            s.groups = groups
            let t = max(time, s.lastTime)
            guard let p = s.encoder.groups(time: t, groups) else { return }
            try write([p], time: t, into: &s)
        }
    }

    /// Syncs and closes the file; later writes are ignored.
    public func close() {
        state.withLock { s in
            guard !s.closed, s.failure == nil else { return }
            s.closed = true
            if s.fd >= 0 {
                FileIO.sync(s.fd)
                FileIO.closeFile(s.fd)
                s.fd = -1
            }
        }
    }

    // MARK: Files

    /// Frames and writes payloads, then rotates when the file is full (unless `mayRotate` is
    /// false: the declarations that open a new file never rotate it again).
    private func write(_ payloads: [[UInt8]], time: Int64, into s: inout State, mayRotate: Bool = true) throws(RecordingError) {
        guard !payloads.isEmpty else { return }
        var frame = ByteWriter(capacity: payloads.reduce(0) { $0 + $1.count + RecordFormat.frameHeaderSize })
        for p in payloads {
            frame.u32(UInt32(p.count))
            frame.u32(CRC32C.checksum(p))
            frame.append(p)
        }
        if let e = FileIO.writeAll(s.fd, frame.bytes) {
            let failure = RecordingError(file: path, "write failed: \(e)")
            s.failure = failure
            throw failure
        }
        s.size += Int64(frame.count)
        s.stats.bytes += Int64(frame.count)
        s.stats.blocks += payloads.count
        s.lastTime = time
        if time &- s.lastSync >= syncInterval {
            FileIO.syncData(s.fd)
            s.lastSync = time
        }
        if mayRotate && (s.size >= maxBytes || s.encoder.full) {
            FileIO.sync(s.fd)
            FileIO.closeFile(s.fd)
            s.fd = -1
            do {
                try Self.rotateFiles(path, keep: keep)
                try Self.create(path, into: &s)
            } catch {
                s.failure = error
                throw error
            }
            s.stats.rotations += 1
            if let p = s.encoder.groups(time: time, s.groups) { try write([p], time: time, into: &s, mayRotate: false) }
        }
    }

    /// Creates `path` with the file header and a fresh encoder.
    private static func create(_ path: String, into s: inout State) throws(RecordingError) {
        let fd = FileIO.create(path)
        guard fd >= 0 else { throw RecordingError(file: path, "cannot create: \(FileIO.errorText())") }
        var h = ByteWriter(capacity: RecordFormat.headerSize)
        h.append(RecordFormat.magic)
        h.u16(RecordFormat.version)
        h.u16(0)
        if let e = FileIO.writeAll(fd, h.bytes) {
            FileIO.closeFile(fd)
            throw RecordingError(file: path, "write failed: \(e)")
        }
        s.fd = fd
        s.size = Int64(h.count)
        s.stats.bytes += Int64(h.count)
        s.encoder = RecordEncoder()
    }

    /// `path.keep` is deleted, `path.k` becomes `path.k+1`, `path` becomes `path.1`.
    static func rotateFiles(_ path: String, keep: Int) throws(RecordingError) {
        guard keep > 0 else {
            if let e = FileIO.remove(path) { throw RecordingError(file: path, "cannot remove: \(e)") }
            return
        }
        let oldest = "\(path).\(keep)"
        if let e = FileIO.remove(oldest) { throw RecordingError(file: oldest, "cannot remove: \(e)") }
        for k in stride(from: keep - 1, through: 0, by: -1) {
            let from = k == 0 ? path : "\(path).\(k)"
            if let e = FileIO.move(from, to: "\(path).\(k + 1)") { throw RecordingError(file: from, "cannot rotate: \(e)") }
        }
    }
}
