/// A rule's health after its last evaluation, as Prometheus reports it (`ok`, `err`, `unknown`).
public enum RuleHealth: String, Sendable, Hashable {
    case unknown
    case good = "ok"
    case bad = "err"
}
