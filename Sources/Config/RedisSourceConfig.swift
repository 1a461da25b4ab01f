/// Which Redis keys to watch (queue lengths): explicit keys, a SCAN pattern, or a preset for a
/// known job queue library.
public struct RedisSourceConfig: Hashable, Sendable {
    public enum Preset: String, Hashable, Sendable, CaseIterable { case celery, sidekiq, rq, bullmq }

    public var keys: [String] = []
    public var scan: String?
    public var preset: Preset?
    public var db = 0
    public var password: SecretSource?
}
