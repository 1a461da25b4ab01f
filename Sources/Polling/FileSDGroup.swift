/// One target group of a Prometheus `file_sd` file: targets (`host:port`) and the labels they share.
/// `labels` includes `__meta_filepath`, as Prometheus's file discovery adds it.
public struct FileSDGroup: Sendable, Equatable {
    public var targets: [String]
    public var labels: [String: String]
    /// `file:index`, as Prometheus names a group's source.
    public var source: String

    public init(targets: [String], labels: [String: String], source: String) {
        self.targets = targets
        self.labels = labels
        self.source = source
    }
}
