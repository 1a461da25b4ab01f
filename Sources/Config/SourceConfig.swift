/// One polled source: an endpoint (or a list of targets, or a command) plus how to poll it.
/// Its `name` becomes the `job` label of every series it yields.
public struct SourceConfig: Hashable, Sendable {
    public var name: String
    public var kind: SourceKind
    /// The single endpoint, when given by `url`.
    public var url: String?
    /// Many instances of one job (`host:port`), polled as `scheme://target/metricsPath`.
    public var targets: [String] = []
    public var scheme = "http"
    public var metricsPath = "/metrics"
    public var params: [String: [String]] = [:]
    public var interval: PromDuration
    public var timeout: PromDuration
    public var labels: [String: String] = [:]
    public var honorLabels = false
    /// 0 means no limit.
    public var sampleLimit = 0
    /// 0 means no limit.
    public var bodySizeLimit = ByteSize(bytes: 0)
    public var headers: [String: String] = [:]
    public var basicAuth: BasicAuth?
    public var bearerToken: SecretSource?
    public var tls: TLSConfig?
    public var fileSD: FileSDConfig?
    public var json: JSONSourceConfig?
    public var redis: RedisSourceConfig?
    public var rabbitmq: RabbitMQSourceConfig?
    public var beanstalk: BeanstalkSourceConfig?
    public var prometheusAPI: PrometheusAPISourceConfig?
    public var command: CommandSourceConfig?
}
