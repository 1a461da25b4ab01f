/// Which RabbitMQ queues to watch: a vhost and a queue-name regular expression.
public struct RabbitMQSourceConfig: Hashable, Sendable {
    public var vhost = "/"
    /// A regular expression that compiled when the config was read; nil means every queue.
    public var queues: String?
}
