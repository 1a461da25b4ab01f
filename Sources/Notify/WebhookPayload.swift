import TimeSeries

/// Alertmanager's webhook message (version 4, `notify/webhook` plus `template.Data`), so any
/// receiver written for Alertmanager's webhook reads Vigil's: one group holding the batch
/// (group key `{}:{}`, as a route without `group_by`), common labels and annotations, and per
/// alert its status, times (a firing alert's `endsAt` is Go's zero time, as Alertmanager shows
/// it) and fingerprint. Map keys are sorted, as Go's encoder writes them.
public enum WebhookPayload {
    public static func encode(_ alerts: [OutgoingAlert], receiver: String, externalURL: String) -> [UInt8] {
        var j = JSONText()
        j.raw("{\"receiver\":")
        j.string(receiver)
        j.raw(",\"status\":")
        j.string(alerts.contains { $0.status == .firing } ? "firing" : "resolved")
        j.raw(",\"alerts\":[")
        for (i, a) in alerts.enumerated() {
            if i > 0 { j.raw(",") }
            j.raw("{")
            writeAlertFields(a, into: &j)
            j.raw("}")
        }
        j.raw("],\"groupLabels\":{},\"commonLabels\":")
        j.object(sorted(common(alerts.map(\.labels.pairs))))
        j.raw(",\"commonAnnotations\":")
        j.object(sorted(common(alerts.map(\.annotations))))
        j.raw(",\"externalURL\":")
        j.string(externalURL)
        j.raw(",\"version\":\"4\",\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}")
        return Array(j.text.utf8)
    }

    /// One alert's fields as in Alertmanager's `template.Alert` (without the braces), shared by
    /// the webhook, the command notifier's stdin and the alert log.
    static func writeAlertFields(_ a: OutgoingAlert, into j: inout JSONText) {
        j.raw("\"status\":")
        j.string(a.status.rawValue)
        j.raw(",\"labels\":")
        j.object(sorted(a.labels.pairs))
        j.raw(",\"annotations\":")
        j.object(sorted(a.annotations))
        j.raw(",\"startsAt\":")
        j.string(GoTime.rfc3339Nano(a.startsAt))
        j.raw(",\"endsAt\":")
        j.string(a.status == .resolved ? a.endsAt.map(GoTime.rfc3339Nano) ?? GoTime.zero : GoTime.zero)
        j.raw(",\"generatorURL\":")
        j.string(a.generatorURL)
        j.raw(",\"fingerprint\":")
        j.string(a.fingerprintHex)
    }

    /// The pairs every set has with the same value.
    static func common(_ sets: [[Label]]) -> [Label] {
        guard var out = sets.first else { return [] }
        for s in sets.dropFirst() {
            var map: [String: String] = [:]
            for l in s { map[l.name] = l.value }
            out = out.filter { map[$0.name] == $0.value }
            if out.isEmpty { break }
        }
        return out
    }

    /// Sorted by name bytes, as Go's JSON encoder orders map keys.
    static func sorted(_ pairs: [Label]) -> [(String, String)] {
        pairs.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.map { ($0.name, $0.value) }
    }
}
