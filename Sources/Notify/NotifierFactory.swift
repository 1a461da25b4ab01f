import Config

/// Builds the notifiers a config's `notifiers:` section asks for. `tui` entries are the
/// dashboard's business (banner and bell, fed by `AlertHistory`) and yield no notifier here.
public enum NotifierFactory {
    public static func make(_ configs: [NotifierConfig], externalURL: String = "", logMaxBytes: Int = 10 << 20,
                            logKeep: Int = 3) -> [any Notifier] {
        configs.compactMap { c -> (any Notifier)? in
            switch c.kind {
            case .alertmanager:
                guard c.url != nil else { return nil }
                return AlertmanagerNotifier(c)
            case .webhook:
                guard c.url != nil else { return nil }
                return WebhookNotifier(c, externalURL: externalURL)
            case .command:
                guard !(c.argv.first ?? "").isEmpty else { return nil }
                return CommandNotifier(c)
            case .log:
                return AlertLogNotifier(c, maxBytes: logMaxBytes, keep: logKeep)
            case .tui:
                return nil
            }
        }
    }
}
