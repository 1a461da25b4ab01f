/// The body of `POST /api/v2/alerts` (Alertmanager's `PostableAlerts`), as Prometheus's
/// `alertsToOpenAPIAlerts` builds it: times in `strfmt.DateTime`'s millisecond RFC 3339.
enum AlertmanagerPayload {
    static func encode(_ alerts: [OutgoingAlert]) -> [UInt8] {
        var j = JSONText()
        j.raw("[")
        for (i, a) in alerts.enumerated() {
            if i > 0 { j.raw(",") }
            j.raw("{\"labels\":")
            j.object(a.labels.pairs.map { ($0.name, $0.value) })
            j.raw(",\"annotations\":")
            j.object(a.annotations.map { ($0.name, $0.value) })
            j.raw(",\"startsAt\":")
            j.string(GoTime.rfc3339Millis(a.startsAt))
            if let end = a.endsAt {
                j.raw(",\"endsAt\":")
                j.string(GoTime.rfc3339Millis(end))
            }
            if !a.generatorURL.isEmpty {
                j.raw(",\"generatorURL\":")
                j.string(a.generatorURL)
            }
            j.raw("}")
        }
        j.raw("]")
        return Array(j.text.utf8)
    }

    /// The latest notification of each alert, in the order of their latest occurrence: after an
    /// outage the queue holds several re-sends of one alert and Alertmanager only needs the last.
    static func latest(_ alerts: [OutgoingAlert]) -> [OutgoingAlert] {
        var last: [UInt64: Int] = [:]
        for (i, a) in alerts.enumerated() { last[a.fingerprint] = i }
        guard last.count < alerts.count else { return alerts }
        return alerts.enumerated().filter { last[$0.element.fingerprint] == $0.offset }.map(\.element)
    }
}
