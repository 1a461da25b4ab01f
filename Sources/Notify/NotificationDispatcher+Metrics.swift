import TimeSeries

/// Vigil's own notifier metrics in the Prometheus text format, named after Prometheus's
/// `prometheus_notifications_*`, so they can be ingested like any scrape.
extension NotificationDispatcher {
    public func metricsText() -> String {
        let all = stats()
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ value: (NotifierStats) -> Int) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for s in all { out += "\(name){notifier=\"\(Labels.escape(s.id))\"} \(value(s))\n" }
        }
        family("vigil_notifications_sent_total", "counter", "Alerts delivered.", \.sent)
        family("vigil_notifications_errors_total", "counter", "Alerts in failed delivery attempts.", \.failed)
        family("vigil_notifications_dropped_total", "counter", "Alerts given up (queue full, refused, unreadable spool).", \.dropped)
        family("vigil_notifications_queue_length", "gauge", "Alerts waiting for delivery.", \.queued)
        family("vigil_notifications_queue_capacity", "gauge", "Most alerts queued per notifier.", \.capacity)
        family("vigil_notifications_consecutive_failures", "gauge", "Failed attempts since the last success.", \.consecutiveFailures)
        return out
    }
}
