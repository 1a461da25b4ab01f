import Config
import Foundation

/// Reads a credential when a request is made (not when the config loads), so a rotated file or
/// environment variable takes effect at the next send. Errors name the file or variable, never
/// the secret.
enum SecretText {
    static func read(_ source: SecretSource, environment: [String: String] = ProcessInfo.processInfo.environment) throws(NotifyError) -> String {
        switch source {
        case .literal(let s):
            return s.reveal()
        case .environment(let name):
            guard let v = environment[name], !v.isEmpty else {
                throw NotifyError("environment variable \(name) (a credential) is not set")
            }
            return v
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw NotifyError("cannot read the credential file \(path)")
            }
            // Prometheus trims surrounding whitespace of credential files.
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
