import Config
import Foundation
import TimeSeries

/// Runs a program once per alert notification with the alert in environment variables and as
/// JSON on standard input. The argument vector is exec'd directly: no shell ever sees a label
/// or annotation, so a value like `$(rm -rf ~)` stays text. Exit status 0 is success; anything
/// else, or the timeout, is retried later from that alert on.
///
/// Environment: `VIGIL_ALERT_NAME`, `VIGIL_ALERT_STATUS` (`firing`/`resolved`),
/// `VIGIL_ALERT_FINGERPRINT`, `VIGIL_ALERT_STARTS_AT`, `VIGIL_ALERT_ENDS_AT` (empty while
/// firing), `VIGIL_ALERT_GENERATOR_URL`, `VIGIL_ALERT_VALUE`, `VIGIL_ALERT_LABELS` and
/// `VIGIL_ALERT_ANNOTATIONS` (JSON objects), and `VIGIL_LABEL_<name>` / `VIGIL_ANNOTATION_<name>`
/// for each name that is a valid variable name. Vigil's own environment is passed on.
public struct CommandNotifier: Notifier {
    public let argv: [String]
    public let timeout: Duration
    public let policy: DeliveryPolicy
    /// The environment the program inherits (Vigil's own by default).
    let baseEnvironment: [String: String]

    public init(argv: [String], timeout: Duration = .seconds(10), resendDelay: Int64? = 60_000,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.argv = argv
        self.timeout = timeout
        policy = DeliveryPolicy(resendDelay: resendDelay, repeatResolved: false, maxBatchSize: 64)
        baseEnvironment = environment.filter { !CommandNotifier.isOurs($0.key) }
    }

    public init(_ config: NotifierConfig) {
        self.init(argv: config.argv, timeout: .milliseconds(config.timeout.milliseconds),
                  resendDelay: config.resendDelay.milliseconds)
    }

    public var id: String { "command-" + Fingerprint.hex(Fingerprint.text(argv.joined(separator: "\u{0}"))) }
    public var description: String { "command " + (argv.first ?? "") }

    public func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome {
        for (i, a) in alerts.enumerated() {
            do throws(NotifyError) {
                let exit = try ProcessRunner.run(argv, environment: environment(for: a), stdin: Self.stdinJSON(a), timeout: timeout)
                if exit.status != 0 {
                    var message = "\(argv.first ?? ""): exit status \(exit.status)"
                    let err = String(decoding: exit.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    if let last = err.split(separator: "\n").last { message += ": " + last.prefix(300) }
                    return i == 0 ? .retry(message) : .partial(delivered: i, error: message)
                }
            } catch {
                if error.permanent { return .reject(error.description) }
                return i == 0 ? .retry(error.description) : .partial(delivered: i, error: error.description)
            }
        }
        return .delivered
    }

    /// `NAME=value` strings for the program: Vigil's environment plus the alert's variables.
    func environment(for a: OutgoingAlert) -> [String] {
        var env = baseEnvironment
        env["VIGIL_ALERT_NAME"] = a.name
        env["VIGIL_ALERT_STATUS"] = a.status.rawValue
        env["VIGIL_ALERT_FINGERPRINT"] = a.fingerprintHex
        env["VIGIL_ALERT_STARTS_AT"] = GoTime.rfc3339Nano(a.startsAt)
        env["VIGIL_ALERT_ENDS_AT"] = a.status == .resolved ? a.endsAt.map(GoTime.rfc3339Nano) ?? "" : ""
        env["VIGIL_ALERT_GENERATOR_URL"] = a.generatorURL
        env["VIGIL_ALERT_VALUE"] = GoFloat.format(a.value)
        var labels = JSONText()
        labels.object(WebhookPayload.sorted(a.labels.pairs))
        env["VIGIL_ALERT_LABELS"] = labels.text
        var annotations = JSONText()
        annotations.object(WebhookPayload.sorted(a.annotations))
        env["VIGIL_ALERT_ANNOTATIONS"] = annotations.text
        for l in a.labels.pairs where Self.isVariableName(l.name) { env["VIGIL_LABEL_" + l.name] = l.value }
        for n in a.annotations where Self.isVariableName(n.name) { env["VIGIL_ANNOTATION_" + n.name] = n.value }
        // A NUL would end the C string early; drop it rather than pass a truncated value.
        return env.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value.replacingOccurrences(of: "\u{0}", with: "") }
    }

    /// The alert as JSON: the webhook's alert object plus the value.
    static func stdinJSON(_ a: OutgoingAlert) -> [UInt8] {
        var j = JSONText()
        j.raw("{")
        WebhookPayload.writeAlertFields(a, into: &j)
        j.raw(",\"value\":")
        j.string(GoFloat.format(a.value))
        j.raw("}\n")
        return Array(j.text.utf8)
    }

    static func isOurs(_ name: String) -> Bool {
        name.hasPrefix("VIGIL_ALERT_") || name.hasPrefix("VIGIL_LABEL_") || name.hasPrefix("VIGIL_ANNOTATION_")
    }

    static func isVariableName(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else {
            return false
        }
        return s.utf8.allSatisfy { b in
            b == UInt8(ascii: "_") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z"))
        }
    }
}
