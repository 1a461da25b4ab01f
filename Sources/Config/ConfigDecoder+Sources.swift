import YAML

/// Decoding and validating `sources:`.
extension ConfigDecoder {
    static let sourceKeys = [
        "name", "url", "kind", "targets", "scheme", "metrics_path", "params", "interval", "timeout", "labels",
        "honor_labels", "sample_limit", "body_size_limit", "headers", "basic_auth", "bearer_token",
        "bearer_token_file", "bearer_token_env", "tls", "file_sd", "json", "redis", "rabbitmq", "beanstalk",
        "prometheus_api", "command",
    ]

    /// The per-kind sections and the kind each belongs to.
    static let kindSections: [(key: String, kind: SourceKind)] = [
        ("json", .json), ("redis", .redis), ("rabbitmq", .rabbitmq), ("beanstalk", .beanstalk),
        ("prometheus_api", .prometheusAPI), ("command", .command),
    ]

    func decodeSources(_ top: Fields, global: GlobalConfig) -> [SourceConfig] {
        let sources = top.list("sources") { node, index in self.decodeSource(node, index: index, global: global) } ?? []
        var seen: [String: Mark] = [:]
        for (index, source) in sources.enumerated() {
            let mark = top.node("sources")?[index]?["name"]?.mark ?? top.mark("sources")
            if let first = seen[source.name] {
                diagnostics.error("duplicate source name \"\(source.name)\" (first used at line \(first.line)); names become the job label and must be unique", at: mark)
            } else {
                seen[source.name] = mark
            }
        }
        return sources
    }

    private func decodeSource(_ node: YAMLNode, index: Int, global: GlobalConfig) -> SourceConfig? {
        if node.isNull {
            diagnostics.error("source \(index + 1) is empty", at: node.mark)
            return nil
        }
        let written = node["name"]?.scalar.flatMap { $0.value.isEmpty ? nil : $0.value }
        let section = written.map { "source \"\($0)\"" } ?? "source \(index + 1)"
        guard let f = Fields(node, section: section, allowed: Self.sourceKeys, diagnostics: diagnostics),
              let name = f.requiredString("name") else { return nil }
        return decodeSourceBody(f, name: name, global: global)
    }

    private func decodeSourceBody(_ f: Fields, name: String, global: GlobalConfig) -> SourceConfig? {
        let url = f.string("url")
        let targets = f.strings("targets")
        var kind = f.choice("kind", SourceKind.self)
        var scheme: String?
        if let url {
            let allowed = kind?.schemes ?? ["http", "https", "redis", "rediss", "rabbitmq", "amqp", "amqps", "nats",
                                            "beanstalk", "beanstalkd", "prometheus", "prometheuss", "kafka", "host"]
            if kind == .command {
                f.error("a command source takes \"command\", not \"url\"", key: "url")
            } else {
                scheme = checkURL(url, key: "url", in: f, schemes: allowed)
            }
        }
        if kind == nil {
            if let scheme { kind = SourceKind.inferred(fromScheme: scheme) }
            else if f.has("command") { kind = .command }
            else if f.has("targets") || f.has("file_sd") { kind = .prometheus }
            else if !f.has("url") && !f.has("kind") {
                f.missing("url", "; give \"url\", \"targets\", \"file_sd\" or \"command\"")
                return nil
            }
        }
        guard let kind else { return nil }
        let interval = f.positiveDuration("interval") ?? global.pollInterval
        var timeout = min(global.timeout, interval)
        if let t = f.positiveDuration("timeout") {
            timeout = t
            if t > interval {
                f.error("\"timeout\" (\(t)) must not be greater than the poll interval (\(interval)) in \(f.section)", key: "timeout")
            }
        } else if !f.has("interval") && global.timeout > interval {
            timeout = interval
        }
        var source = SourceConfig(name: name, kind: kind, url: url, interval: interval, timeout: timeout)
        decodeTargets(f, into: &source, targets: targets)
        source.labels = labels(f, "labels")
        if source.labels["job"] != nil {
            f.error("\"labels\" in \(f.section) cannot set \"job\"; the source's name is its job label", key: "labels")
        }
        source.honorLabels = f.bool("honor_labels") ?? false
        source.sampleLimit = f.int("sample_limit", in: 0...Int(Int32.max)) ?? 0
        source.bodySizeLimit = f.byteSize("body_size_limit") ?? ByteSize(bytes: 0)
        source.headers = headers(f)
        source.basicAuth = basicAuth(f)
        source.bearerToken = secret(f, "bearer_token")
        if source.basicAuth != nil && source.bearerToken != nil {
            f.error("\"basic_auth\" and a bearer token cannot both be set in \(f.section)", key: "basic_auth")
        }
        source.tls = tls(f)
        decodeKindSections(f, into: &source)
        return source
    }

    private func decodeTargets(_ f: Fields, into source: inout SourceConfig, targets: [String]?) {
        let kind = source.kind
        let usesTargets = kind == .prometheus || kind == .json
        if let targets {
            if source.url != nil {
                f.error("\"url\" and \"targets\" cannot both be set in \(f.section); use one", key: "targets")
            } else if !usesTargets {
                f.error("\"targets\" applies to prometheus and json sources, not \(kind.rawValue)", key: "targets")
            } else if targets.isEmpty {
                f.error("\"targets\" in \(f.section) is empty", key: "targets")
            }
            for (i, target) in targets.enumerated() where !Self.isHostPort(target) {
                let mark = f.node("targets")?[i]?.mark ?? f.mark("targets")
                diagnostics.error("invalid target \"\(target)\": expected host:port", at: mark)
            }
            source.targets = targets
        }
        if let scheme = f.string("scheme") {
            if scheme == "http" || scheme == "https" { source.scheme = scheme }
            else { f.error("\"scheme\" in \(f.section) must be http or https, found \"\(scheme)\"", key: "scheme") }
        }
        if let path = f.string("metrics_path") {
            if path.hasPrefix("/") { source.metricsPath = path }
            else { f.error("\"metrics_path\" in \(f.section) must start with '/'", key: "metrics_path") }
        }
        if let p = f.node("params") {
            if let m = p.mapping {
                for entry in m.entries {
                    guard let key = entry.key.string else { continue }
                    if let items = entry.value.sequence?.items, items.allSatisfy({ $0.scalar != nil && !$0.isNull }) {
                        source.params[key] = items.compactMap(\.string)
                    } else {
                        diagnostics.error("\"params.\(key)\" in \(f.section) must be a list of strings, like [\(entry.value.string ?? "value")]", at: entry.value.mark)
                    }
                }
            } else {
                f.typeError("params", "a mapping of lists", p)
            }
        }
        if f.has("file_sd") {
            if !usesTargets {
                f.error("\"file_sd\" applies to prometheus and json sources, not \(kind.rawValue)", key: "file_sd")
            }
            source.fileSD = fileSD(f)
        }
        let needsEndpoint = kind != .command && kind != .host
        if needsEndpoint && !f.has("url") && !f.has("targets") && !f.has("file_sd") {
            f.missing("url", usesTargets ? "; give \"url\", \"targets\" or \"file_sd\"" : "")
        }
    }

    private func fileSD(_ f: Fields) -> FileSDConfig? {
        guard let node = f.node("file_sd") else { return nil }
        if node.sequence != nil {
            return FileSDConfig(files: (f.strings("file_sd") ?? []).map(resolve))
        }
        guard let s = Fields(node, section: "file_sd", allowed: ["files", "refresh_interval"], diagnostics: diagnostics) else { return nil }
        guard let files = s.strings("files") else {
            if !s.has("files") { s.missing("files") }
            return nil
        }
        var config = FileSDConfig(files: files.map(resolve))
        config.refreshInterval = s.positiveDuration("refresh_interval") ?? config.refreshInterval
        return config
    }

    static func isHostPort(_ target: String) -> Bool {
        guard let colon = target.lastIndex(of: ":") else { return false }
        let host = target[..<colon], port = target[target.index(after: colon)...]
        guard !host.isEmpty, !host.contains("/"), !host.contains(" "), let p = Int(port) else { return false }
        return (1...65535).contains(p)
    }
}
