import Foundation
import TimeSeries

/// The spool's encoding of an alert: one JSON object with integer millisecond times and the
/// value as Go's float text (JSON has no NaN or infinities), read back strictly.
extension OutgoingAlert {
    func spoolJSON() -> String {
        var j = JSONText()
        j.raw("{\"labels\":")
        j.object(labels.pairs.map { ($0.name, $0.value) })
        j.raw(",\"annotations\":")
        j.object(annotations.map { ($0.name, $0.value) })
        j.raw(",\"startsAt\":\(startsAt),\"endsAt\":" + (endsAt.map(String.init) ?? "null"))
        j.raw(",\"generatorURL\":")
        j.string(generatorURL)
        j.raw(",\"status\":\"\(status.rawValue)\",\"value\":")
        j.string(GoFloat.format(value))
        j.raw(",\"sentAt\":\(sentAt)}")
        return j.text
    }

    /// Reads one spooled alert; nil names what is wrong.
    init(spool object: Any) throws(SpoolFormatError) {
        guard let o = object as? [String: Any] else { throw SpoolFormatError("an alert is not an object") }
        guard let labels = o["labels"] as? [String: Any], let annotations = o["annotations"] as? [String: Any] else {
            throw SpoolFormatError("an alert has no labels or annotations object")
        }
        var pairs: [Label] = []
        for (k, v) in labels {
            guard let s = v as? String else { throw SpoolFormatError("label \(k) is not a string") }
            pairs.append(Label(k, s))
        }
        var notes: [Label] = []
        for (k, v) in annotations {
            guard let s = v as? String else { throw SpoolFormatError("annotation \(k) is not a string") }
            notes.append(Label(k, s))
        }
        guard let startsAt = OutgoingAlert.integer(o["startsAt"]), let sentAt = OutgoingAlert.integer(o["sentAt"]) else {
            throw SpoolFormatError("an alert has no startsAt or sentAt time")
        }
        let endsAt: Int64?
        if o["endsAt"] is NSNull || o["endsAt"] == nil {
            endsAt = nil
        } else if let e = OutgoingAlert.integer(o["endsAt"]) {
            endsAt = e
        } else {
            throw SpoolFormatError("an alert's endsAt is not a time")
        }
        guard let statusText = o["status"] as? String, let status = Status(rawValue: statusText) else {
            throw SpoolFormatError("an alert's status is not firing or resolved")
        }
        guard let valueText = o["value"] as? String, let value = OutgoingAlert.parseFloat(valueText) else {
            throw SpoolFormatError("an alert's value is not a number")
        }
        self.init(labels: Labels(pairs), annotations: notes, startsAt: startsAt, endsAt: endsAt,
                  generatorURL: o["generatorURL"] as? String ?? "", status: status, value: value, sentAt: sentAt)
    }

    static func integer(_ v: Any?) -> Int64? {
        if let i = v as? Int { return Int64(i) }
        if let i = v as? Int64 { return i }
        guard let n = v as? NSNumber else { return nil }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), abs(d) < 9.2e18 else { return nil }
        return n.int64Value
    }

    /// Go's float text back to a Double (`NaN`, `+Inf`, `-Inf` included).
    static func parseFloat(_ s: String) -> Double? {
        switch s {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(s)
        }
    }
}
