/// When things happen in the demo, in seconds since it started. Every cycle repeats.
///
/// The payments incident starts 20 s in and lasts a minute: with the bundled rule
/// (`job:http_requests:error_ratio > 0.05` for 30 s, evaluated every 5 s over a 30 s rate) the
/// alert goes pending about 30 s after start, fires about 30 s later and resolves about 25 s after
/// the incident ends, so well within two minutes. The email queue then fills from 2:30 to 3:30;
/// past 1000 jobs its consumers scale from 3 to 5 and it drains within the next minute.
public enum DemoSchedule {
    /// Length of the incident cycle, and the incident's window inside it.
    public static let incidentPeriod = 300.0
    public static let incidentStart = 20.0
    public static let incidentEnd = 80.0
    /// The service the incident hits hard (others feel it mildly).
    public static let incidentService = "payments"

    /// Length of the queue cycle, and the surge of new jobs inside it.
    public static let queuePeriod = 300.0
    public static let surgeStart = 150.0
    public static let surgeEnd = 210.0

    /// Whether the incident is on at `t` seconds.
    public static func incident(at t: Double) -> Bool {
        let p = t.truncatingRemainder(dividingBy: incidentPeriod)
        return p >= incidentStart && p < incidentEnd
    }

    /// Whether the email queue's surge is on at `t` seconds.
    public static func surge(at t: Double) -> Bool {
        let p = t.truncatingRemainder(dividingBy: queuePeriod)
        return p >= surgeStart && p < surgeEnd
    }
}
