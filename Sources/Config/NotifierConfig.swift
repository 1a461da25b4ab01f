/// Where firing alerts go: an Alertmanager, a webhook, a command, a log file or the TUI itself.
public struct NotifierConfig: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case alertmanager, webhook, command, log, tui }

    /// How the TUI shows alerts.
    public struct TUI: Hashable, Sendable {
        public var banner = true
        public var bell = true

        public init(banner: Bool = true, bell: Bool = true) {
            self.banner = banner
            self.bell = bell
        }
    }

    public var kind: Kind
    public var url: String?
    public var argv: [String] = []
    /// For `log`: the file to append to (absolute); nil means standard error.
    public var path: String?
    public var timeout: PromDuration = .seconds(10)
    public var headers: [String: String] = [:]
    public var basicAuth: BasicAuth?
    public var bearerToken: SecretSource?
    public var tls: TLSConfig?
    public var resendDelay: PromDuration = .minutes(1)
    public var tui = TUI()
    /// For `alertmanager`: silences made in the dashboard are also created there.
    public var createSilences = false

    public init(kind: Kind, url: String? = nil) {
        self.kind = kind
        self.url = url
    }
}
