import Config
import Foundation
import Synchronization
import TimeSeries

/// Appends one JSON object per alert event (an alert firing, an alert resolving) to a file, a
/// line each, for `jq`, `grep` or a log shipper. Each batch is written with one `write` and
/// then `fsync`ed, so a line is either whole on disk or absent. When the file would pass
/// `maxBytes` it is rotated (`alerts.log` → `alerts.log.1` → ... up to `keep` old files).
/// With no path, lines go to standard error and are never rotated.
public final class AlertLogNotifier: Notifier {
    public let path: String?
    public let maxBytes: Int
    public let keep: Int
    public let policy = DeliveryPolicy(resendDelay: nil, repeatResolved: false, maxBatchSize: 1024)
    /// The open file and its size; touched only by the delivery thread, behind the lock anyway.
    private let file = Mutex<(fd: Int32, size: Int)?>(nil)
    /// The clock for each line's `time` (ms since the epoch); replaceable in tests.
    let now: @Sendable () -> Int64

    public init(path: String?, maxBytes: Int = 10 << 20, keep: Int = 3,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.path = path
        self.maxBytes = max(4096, maxBytes)
        self.keep = max(1, keep)
        self.now = now
    }

    public convenience init(_ config: NotifierConfig, maxBytes: Int = 10 << 20, keep: Int = 3) {
        self.init(path: config.path, maxBytes: maxBytes, keep: keep)
    }

    deinit {
        file.withLock { f in if let f { close(f.fd) } }
    }

    public var id: String { "log-" + Fingerprint.hex(Fingerprint.text(path ?? "-")) }
    public var description: String { "log " + (path ?? "stderr") }

    public func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome {
        guard !alerts.isEmpty else { return .delivered }
        let time = GoTime.rfc3339Nano(now())
        var text = ""
        for a in alerts { text += Self.line(a, time: time) }
        let bytes = Array(text.utf8)
        guard let path else {
            return Self.writeAll(2, bytes).map { .retry("log to standard error: \($0)") } ?? .delivered
        }
        return file.withLock { f -> DeliveryOutcome in
            do throws(NotifyError) {
                var current: (fd: Int32, size: Int)
                if let open = f { current = open } else { current = try open(path) }
                if current.size > 0 && current.size + bytes.count > maxBytes {
                    close(current.fd)
                    f = nil
                    try rotate(path)
                    current = try open(path)
                }
                f = current
                if let e = Self.writeAll(current.fd, bytes) {
                    // The file may be gone or the disk full: reopen next time.
                    close(current.fd)
                    f = nil
                    return .retry("log \(path): \(e)")
                }
                fsync(current.fd)
                f = (current.fd, current.size + bytes.count)
                return .delivered
            } catch {
                return .retry(error.description)
            }
        }
    }

    /// One line: the event time, then the alert's fields as in the webhook, and the value.
    static func line(_ a: OutgoingAlert, time: String) -> String {
        var j = JSONText()
        j.raw("{\"time\":")
        j.string(time)
        j.raw(",")
        WebhookPayload.writeAlertFields(a, into: &j)
        j.raw(",\"value\":")
        j.string(GoFloat.format(a.value))
        j.raw("}\n")
        return j.text
    }

    private func open(_ path: String) throws(NotifyError) -> (fd: Int32, size: Int) {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw NotifyError("log \(path): \(ProcessRunner.errorText(errno))") }
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        return (fd, size)
    }

    /// `path.(keep-1)` → `path.keep`, ..., `path` → `path.1`.
    private func rotate(_ path: String) throws(NotifyError) {
        for i in stride(from: keep - 1, through: 1, by: -1) {
            _ = rename("\(path).\(i)", "\(path).\(i + 1)")
        }
        guard rename(path, "\(path).1") == 0 || errno == ENOENT else {
            throw NotifyError("log \(path): cannot rotate: \(ProcessRunner.errorText(errno))")
        }
    }

    /// Writes everything; the error text on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, bytes.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return ProcessRunner.errorText(errno) }
            written += n
        }
        return nil
    }
}
