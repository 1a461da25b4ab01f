import YAML

/// Decoding and validating `notifiers:`.
extension ConfigDecoder {
    static let notifierKeys = [
        "kind", "url", "argv", "path", "timeout", "headers", "basic_auth", "bearer_token", "bearer_token_file",
        "bearer_token_env", "tls", "resend_delay", "tui", "create_silences",
    ]

    func decodeNotifier(_ node: YAMLNode, index: Int) -> NotifierConfig? {
        guard let f = Fields(node, section: "notifier \(index + 1)", allowed: Self.notifierKeys, diagnostics: diagnostics) else {
            if node.isNull { diagnostics.error("notifier \(index + 1) is empty", at: node.mark) }
            return nil
        }
        guard let kind = f.choice("kind", NotifierConfig.Kind.self) else {
            if !f.has("kind") { f.missing("kind", " (alertmanager, webhook, command, log or tui)") }
            return nil
        }
        var n = NotifierConfig(kind: kind)
        let usesHTTP = kind == .alertmanager || kind == .webhook
        if let url = f.string("url") {
            if usesHTTP {
                if checkURL(url, key: "url", in: f, schemes: ["http", "https"]) != nil { n.url = url }
            } else {
                f.error("\"url\" applies to alertmanager and webhook notifiers, not \(kind.rawValue)", key: "url")
            }
        } else if usesHTTP && !f.has("url") {
            f.missing("url")
        }
        if let argv = f.strings("argv") {
            if kind != .command { f.error("\"argv\" applies to command notifiers, not \(kind.rawValue)", key: "argv") }
            else if argv.first?.isEmpty ?? true { f.error("\"argv\" in \(f.section) must name a program", key: "argv") }
            n.argv = argv
        } else if kind == .command && !f.has("argv") {
            f.missing("argv")
        }
        if let path = f.string("path") {
            if kind == .log { n.path = resolve(path) }
            else { f.error("\"path\" applies to log notifiers, not \(kind.rawValue)", key: "path") }
        }
        n.timeout = f.positiveDuration("timeout") ?? n.timeout
        n.resendDelay = f.duration("resend_delay") ?? n.resendDelay
        if let create = f.bool("create_silences") {
            if kind != .alertmanager {
                f.error("\"create_silences\" applies to alertmanager notifiers, not \(kind.rawValue)", key: "create_silences")
            }
            n.createSilences = create
        }
        for key in ["headers", "basic_auth", "bearer_token", "bearer_token_file", "bearer_token_env", "tls"]
        where !usesHTTP && f.has(key) {
            f.error("\"\(key)\" applies to alertmanager and webhook notifiers, not \(kind.rawValue)", key: key)
        }
        n.headers = headers(f)
        n.basicAuth = basicAuth(f)
        n.bearerToken = secret(f, "bearer_token")
        if n.basicAuth != nil && n.bearerToken != nil {
            f.error("\"basic_auth\" and a bearer token cannot both be set in \(f.section)", key: "basic_auth")
        }
        n.tls = tls(f)
        if let t = Fields(f.node("tui"), section: "tui", allowed: ["banner", "bell"], diagnostics: diagnostics) {
            if kind != .tui { f.error("\"tui\" settings apply to tui notifiers, not \(kind.rawValue)", key: "tui") }
            n.tui.banner = t.bool("banner") ?? true
            n.tui.bell = t.bool("bell") ?? true
        }
        return n
    }
}
