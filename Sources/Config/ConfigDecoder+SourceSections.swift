import YAML

/// The per-kind sections of a source (`json`, `redis`, `rabbitmq`, `beanstalk`,
/// `prometheus_api`, `command`): each only with its kind, each with its own required fields.
extension ConfigDecoder {
    func decodeKindSections(_ f: Fields, into source: inout SourceConfig) {
        for (key, kind) in Self.kindSections where f.has(key) && kind != source.kind {
            f.error("\"\(key)\" settings given for a source of kind \(source.kind.rawValue); set kind: \(kind.rawValue) or remove them", key: key)
        }
        switch source.kind {
        case .json:
            source.json = json(f)
        case .redis:
            source.redis = redis(f)
        case .rabbitmq:
            source.rabbitmq = rabbitmq(f) ?? RabbitMQSourceConfig()
        case .beanstalk:
            let b = Fields(f.node("beanstalk"), section: "beanstalk", allowed: ["tubes"], diagnostics: diagnostics)
            source.beanstalk = BeanstalkSourceConfig(tubes: b?.strings("tubes") ?? [])
        case .prometheusAPI:
            source.prometheusAPI = prometheusAPI(f, interval: source.interval)
        case .command:
            source.command = command(f)
        case .prometheus, .nats, .host, .kafka:
            break
        }
    }

    private func json(_ f: Fields) -> JSONSourceConfig? {
        guard let j = Fields(f.node("json"), section: "json", allowed: ["values"], diagnostics: diagnostics) else {
            f.missing("json", " (a json source needs json.values)")
            return nil
        }
        let values = j.list("values") { node, index -> JSONSourceConfig.Value? in
            let allowed = ["path", "name", "labels", "type", "map"]
            guard let v = Fields(node, section: "json value \(index + 1)", allowed: allowed, diagnostics: self.diagnostics) else { return nil }
            let path = v.requiredString("path")
            let name = v.requiredString("name")
            if let path, !path.hasPrefix("$") {
                v.error("\"path\" must be a JSONPath starting with '$', like $.jvm.memory.used", key: "path")
            }
            if let name, !LabelName.isValidMetricName(name) {
                v.error("invalid metric name \"\(name)\": use letters, digits, '_' and ':', not starting with a digit", key: "name")
            }
            guard let path, let name else { return nil }
            var value = JSONSourceConfig.Value(path: path, name: name)
            value.labels = self.labels(v, "labels")
            value.type = v.choice("type", JSONSourceConfig.Value.MetricType.self) ?? .gauge
            value.map = self.valueMap(v)
            return value
        } ?? []
        if values.isEmpty && !j.has("values") { j.missing("values") }
        return JSONSourceConfig(values: values)
    }

    /// `map: {UP: 1, DOWN: 0}`: string values to numbers, for statuses.
    private func valueMap(_ v: Fields) -> [String: Double] {
        guard let node = v.node("map") else { return [:] }
        guard let m = node.mapping else {
            v.typeError("map", "a mapping of strings to numbers, like {UP: 1, DOWN: 0}", node)
            return [:]
        }
        var out: [String: Double] = [:]
        for entry in m.entries {
            guard let key = entry.key.string else {
                diagnostics.error("keys of \"map\" must be strings", at: entry.key.mark)
                continue
            }
            guard let number = entry.value.double, entry.value.scalar?.kind != .string else {
                diagnostics.error("\"map.\(key)\" must be a number, found \(entry.value.described)", at: entry.value.mark)
                continue
            }
            out[key] = number
        }
        return out
    }

    private func redis(_ f: Fields) -> RedisSourceConfig? {
        let allowed = ["keys", "scan", "preset", "db", "password", "password_file", "password_env"]
        guard let r = Fields(f.node("redis"), section: "redis", allowed: allowed, diagnostics: diagnostics) else {
            f.missing("redis", " (a redis source needs redis.keys, redis.scan or redis.preset)")
            return nil
        }
        var config = RedisSourceConfig()
        config.keys = r.strings("keys") ?? []
        config.scan = r.string("scan")
        config.preset = r.choice("preset", RedisSourceConfig.Preset.self)
        config.db = r.int("db", in: 0...1023) ?? 0
        config.password = secret(r, "password")
        if config.keys.isEmpty && config.scan == nil && !r.has("preset") {
            diagnostics.error("redis needs \"keys\", \"scan\" or \"preset\" to know which queues to watch", at: r.mapping.mark)
        }
        return config
    }

    private func rabbitmq(_ f: Fields) -> RabbitMQSourceConfig? {
        guard let r = Fields(f.node("rabbitmq"), section: "rabbitmq", allowed: ["vhost", "queues"], diagnostics: diagnostics) else { return nil }
        var config = RabbitMQSourceConfig()
        config.vhost = r.string("vhost") ?? "/"
        if let pattern = r.string("queues") {
            if compiles(pattern) { config.queues = pattern }
            else { r.error("\"queues\" in rabbitmq is not a valid regular expression: \(pattern)", key: "queues") }
        }
        return config
    }

    private func prometheusAPI(_ f: Fields, interval: PromDuration) -> PrometheusAPISourceConfig? {
        guard let p = Fields(f.node("prometheus_api"), section: "prometheus_api", allowed: ["query", "step"], diagnostics: diagnostics) else {
            f.missing("prometheus_api", " (a prometheus_api source needs prometheus_api.query)")
            return nil
        }
        guard let query = p.requiredString("query") else { return nil }
        return PrometheusAPISourceConfig(query: query, step: p.positiveDuration("step") ?? interval)
    }

    private func command(_ f: Fields) -> CommandSourceConfig? {
        guard let c = Fields(f.node("command"), section: "command", allowed: ["argv", "shell", "format"], diagnostics: diagnostics) else {
            f.missing("command", " (a command source needs command.argv)")
            return nil
        }
        guard let argv = c.strings("argv") else {
            if !c.has("argv") { c.missing("argv") }
            return nil
        }
        var config = CommandSourceConfig(argv: argv)
        config.shell = c.bool("shell") ?? false
        config.format = c.choice("format", CommandSourceConfig.Format.self) ?? .exposition
        if argv.isEmpty || argv[0].isEmpty {
            c.error("\"argv\" in command must name a program", key: "argv")
        } else if config.shell && argv.count != 1 {
            c.error("with shell: true, \"argv\" must be a single command line, like [\"df -k | tail -1\"]", key: "argv")
        }
        return config
    }

    func compiles(_ pattern: String) -> Bool {
        (try? Regex(pattern)) != nil
    }
}
