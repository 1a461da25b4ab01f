/// Where a credential comes from: a file or an environment variable (read when used, so
/// rotation works), or, discouraged, a literal in the config file.
public enum SecretSource: Hashable, Sendable, CustomStringConvertible {
    case literal(Secret)
    case file(String)
    case environment(String)

    public var description: String {
        switch self {
        case .literal: "<secret>"
        case .file(let path): "file \(path)"
        case .environment(let name): "$\(name)"
        }
    }
}
