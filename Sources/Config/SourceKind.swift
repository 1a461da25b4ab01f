/// What a source speaks, which decides how it is polled. Inferred from the URL scheme when
/// the config does not say.
public enum SourceKind: String, Hashable, Sendable, CaseIterable {
    case prometheus, json, redis, rabbitmq, nats, beanstalk
    case prometheusAPI = "prometheus_api"
    case command, host, kafka

    /// The kind a URL scheme implies.
    static func inferred(fromScheme scheme: String) -> SourceKind? {
        switch scheme {
        case "http", "https": .prometheus
        case "redis", "rediss": .redis
        case "rabbitmq", "amqp", "amqps": .rabbitmq
        case "nats": .nats
        case "beanstalk", "beanstalkd": .beanstalk
        case "prometheus", "prometheuss": .prometheusAPI
        case "kafka": .kafka
        case "host": .host
        default: nil
        }
    }

    /// URL schemes a source of this kind accepts; empty when the kind takes no URL.
    var schemes: [String] {
        switch self {
        case .prometheus, .json: ["http", "https"]
        case .redis: ["redis", "rediss"]
        case .rabbitmq: ["rabbitmq", "amqp", "amqps", "http", "https"]
        case .nats: ["nats", "http", "https"]
        case .beanstalk: ["beanstalk", "beanstalkd"]
        case .prometheusAPI: ["prometheus", "prometheuss", "http", "https"]
        case .kafka: ["kafka", "http", "https"]
        case .host: ["host"]
        case .command: []
        }
    }
}
