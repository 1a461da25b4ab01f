import Foundation
import YAML

/// Builds a `Config` from a YAML document: applies defaults, validates each field and keeps
/// going after a problem so every error is reported.
final class ConfigDecoder {
    let diagnostics: Diagnostics
    let directory: String

    static let topLevelKeys = ["global", "theme", "sources", "rule_files", "notifiers", "dashboards"]

    init(file: String, directory: String) {
        diagnostics = Diagnostics(file: file)
        self.directory = directory
    }

    func decode(_ root: YAMLNode?) -> Config {
        var config = Config(file: diagnostics.file, directory: directory, global: GlobalConfig(), theme: .default,
                            sources: [], ruleFiles: [], notifiers: [], dashboards: [])
        guard let root, !root.isNull else { return config }
        guard let top = Fields(root, section: "the config file", allowed: Self.topLevelKeys, diagnostics: diagnostics) else {
            return config
        }
        config.global = decodeGlobal(top.node("global"))
        config.theme = top.choice("theme", Theme.self) ?? .default
        config.sources = decodeSources(top, global: config.global)
        config.ruleFiles = (top.strings("rule_files") ?? []).map(resolve)
        config.notifiers = top.list("notifiers") { node, index in self.decodeNotifier(node, index: index) } ?? []
        config.dashboards = top.list("dashboards") { node, index in self.decodeDashboard(node, index: index) } ?? []
        return config
    }

    /// Makes a path absolute against the config file's folder.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let joined = directory.hasSuffix("/") ? directory + path : directory + "/" + path
        return URL(fileURLWithPath: joined).standardized.path
    }

    private func decodeGlobal(_ node: YAMLNode?) -> GlobalConfig {
        var global = GlobalConfig()
        let allowed = ["poll_interval", "timeout", "retention", "memory_limit", "evaluation_interval", "external_labels",
                       "state_dir", "for_grace_period", "for_outage_tolerance"]
        guard let f = Fields(node, section: "global", allowed: allowed, diagnostics: diagnostics) else { return global }
        global.pollInterval = f.positiveDuration("poll_interval") ?? global.pollInterval
        global.retention = f.positiveDuration("retention") ?? global.retention
        global.memoryLimit = f.byteSize("memory_limit")
        if let limit = global.memoryLimit, limit.bytes < 1 << 20 {
            f.error("\"memory_limit\" in global must be at least 1MiB, found \(limit)", key: "memory_limit")
        }
        global.evaluationInterval = f.positiveDuration("evaluation_interval") ?? global.pollInterval
        if let timeout = f.positiveDuration("timeout") {
            global.timeout = timeout
            if timeout > global.pollInterval {
                f.error("\"timeout\" in global (\(timeout)) must not be greater than \"poll_interval\" (\(global.pollInterval))", key: "timeout")
            }
        } else {
            global.timeout = min(global.timeout, global.pollInterval)
        }
        if global.retention < global.pollInterval {
            f.error("\"retention\" in global (\(global.retention)) must be at least \"poll_interval\" (\(global.pollInterval))", key: "retention")
        }
        global.externalLabels = labels(f, "external_labels")
        global.stateDirectory = f.string("state_dir").map(resolve)
        global.forGracePeriod = f.duration("for_grace_period") ?? global.forGracePeriod
        global.forOutageTolerance = f.positiveDuration("for_outage_tolerance") ?? global.forOutageTolerance
        return global
    }

    /// A label set: names must be valid Prometheus label names and not reserved (`__` prefix).
    func labels(_ f: Fields, _ key: String) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value, mark) in f.stringMap(key) ?? [] {
            if !LabelName.isValid(name) {
                diagnostics.error("invalid label name \"\(name)\" in \"\(key)\": use letters, digits and '_', not starting with a digit", at: mark)
            } else if name.hasPrefix("__") {
                diagnostics.error("label name \"\(name)\" in \"\(key)\" is reserved (names starting with \"__\" are internal)", at: mark)
            } else {
                out[name] = value
            }
        }
        return out
    }

    /// A secret given as `<key>` (literal), `<key>_file` or `<key>_env`; at most one of them.
    func secret(_ f: Fields, _ key: String) -> SecretSource? {
        let given = [key, key + "_file", key + "_env"].filter { f.has($0) }
        if given.count > 1 {
            f.error("only one of \(given.map { "\"\($0)\"" }.joined(separator: ", ")) may be set in \(f.section)", key: given[1])
            return nil
        }
        if let literal = f.string(key) { return .literal(Secret(literal)) }
        if let file = f.string(key + "_file") { return .file(resolve(file)) }
        if let name = f.string(key + "_env") {
            if !LabelName.isValid(name) {
                f.error("\"\(key)_env\" in \(f.section) must be an environment variable name", key: key + "_env")
            }
            return .environment(name)
        }
        return nil
    }

    func basicAuth(_ f: Fields) -> BasicAuth? {
        guard let a = Fields(f.node("basic_auth"), section: "basic_auth",
                             allowed: ["username", "password", "password_file", "password_env"], diagnostics: diagnostics) else { return nil }
        guard let username = a.requiredString("username") else { return nil }
        return BasicAuth(username: username, password: secret(a, "password"))
    }

    func tls(_ f: Fields) -> TLSConfig? {
        let allowed = ["ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"]
        guard let t = Fields(f.node("tls"), section: "tls", allowed: allowed, diagnostics: diagnostics) else { return nil }
        var tls = TLSConfig()
        tls.caFile = t.string("ca_file").map(resolve)
        tls.certFile = t.string("cert_file").map(resolve)
        tls.keyFile = t.string("key_file").map(resolve)
        tls.serverName = t.string("server_name")
        tls.insecureSkipVerify = t.bool("insecure_skip_verify") ?? false
        if (tls.certFile == nil) != (tls.keyFile == nil) {
            t.error("\"cert_file\" and \"key_file\" in tls must be given together", key: tls.certFile == nil ? "key_file" : "cert_file")
        }
        return tls
    }

    func headers(_ f: Fields) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value, mark) in f.stringMap("headers") ?? [] {
            if name.isEmpty || !name.unicodeScalars.allSatisfy(Self.isHeaderNameCharacter) {
                diagnostics.error("invalid HTTP header name \"\(name)\"", at: mark)
            } else if name.lowercased() == "authorization" {
                diagnostics.error("set the Authorization header with basic_auth or bearer_token_file, not in headers (it would be kept as plain text)", at: mark)
            } else {
                out[name] = value
            }
        }
        return out
    }

    private static func isHeaderNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(c))
    }

    /// Checks a URL: it parses, has a host (unless `hostless`), and its scheme is one of `schemes`.
    func checkURL(_ url: String, key: String, in f: Fields, schemes: [String]) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased() else {
            f.error("invalid URL \"\(url)\" for \"\(key)\": expected scheme://host[:port]/path", key: key)
            return nil
        }
        guard schemes.contains(scheme) else {
            f.error("URL scheme \"\(scheme)\" is not supported for \"\(key)\" in \(f.section); use \(schemes.joined(separator: ", "))", key: key)
            return nil
        }
        if scheme != "host" && (parts.host ?? "").isEmpty {
            f.error("URL \"\(url)\" for \"\(key)\" has no host", key: key)
            return nil
        }
        return scheme
    }
}
