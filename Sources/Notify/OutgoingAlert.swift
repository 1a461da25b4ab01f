import TimeSeries

/// One alert as notifiers send it, Prometheus's `notifier.Alert`: identifying labels (external
/// labels included), annotations, the active interval and where it came from. A Sendable value
/// built once per evaluation and shared by every notifier, the spool and the alert history.
public struct OutgoingAlert: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case firing, resolved
    }

    /// Identifying labels, no empty values, `alertname` included.
    public let labels: Labels
    /// Alertmanager's fingerprint of `labels`.
    public let fingerprint: UInt64
    /// Annotations sorted by name (empty values kept, as Prometheus sends them).
    public var annotations: [Label]
    /// When the alert started firing (ms since the epoch).
    public var startsAt: Int64
    /// When it resolved, or until when a firing alert is valid (`ValidUntil`); nil is Go's zero time.
    public var endsAt: Int64?
    public var generatorURL: String
    public var status: Status
    /// The expression's value at the evaluation that produced this notification.
    public var value: Double
    /// The evaluation time at which the rule handed the alert over (Prometheus's `LastSentAt`).
    public var sentAt: Int64

    public init(labels: Labels, annotations: [Label], startsAt: Int64, endsAt: Int64?, generatorURL: String = "",
                status: Status, value: Double = 0, sentAt: Int64) {
        self.labels = labels
        self.fingerprint = Fingerprint.of(labels)
        self.annotations = annotations.sorted { $0.name < $1.name }
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.status = status
        self.value = value
        self.sentAt = sentAt
    }

    /// The `alertname` label.
    public var name: String { labels["alertname"] }

    /// `%016x` of `fingerprint`, as Alertmanager prints it.
    public var fingerprintHex: String { Fingerprint.hex(fingerprint) }

    /// The value of annotation `name`, or "".
    public func annotation(_ name: String) -> String {
        annotations.first { $0.name == name }?.value ?? ""
    }

    /// Roughly the bytes this alert occupies queued or spooled, for the queue's byte bound.
    var approximateSize: Int {
        var n = 96 + generatorURL.utf8.count
        for l in labels.pairs { n += l.name.utf8.count + l.value.utf8.count + 8 }
        for a in annotations { n += a.name.utf8.count + a.value.utf8.count + 8 }
        return n
    }
}
