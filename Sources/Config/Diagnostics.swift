import YAML

/// The error list a config decode appends to, so decoding goes on after a problem and
/// reports everything in one pass.
final class Diagnostics {
    let file: String
    private(set) var errors: [ConfigError] = []

    init(file: String) { self.file = file }

    func error(_ message: String, at mark: Mark) {
        errors.append(ConfigError(file: file, mark: mark, message: message))
    }

    /// Errors sorted by position (stable for equal positions).
    var sorted: [ConfigError] {
        errors.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }
}

extension YAMLNode {
    /// "a mapping", "a sequence", "a string", "an int", "null"... for messages.
    var described: String {
        switch kindName {
        case "int": "an int"
        case "null": "null"
        default: "a \(kindName)"
        }
    }
}
