import Config
import Foundation

/// Reads a credential when it is used (not when the config loads), so a rotated file or
/// environment variable takes effect at the next poll. Errors name the file or variable, never
/// the secret.
enum SecretReader {
    static func read(_ source: SecretSource, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PollError) -> String {
        switch source {
        case .literal(let s):
            return s.reveal()
        case .environment(let name):
            guard let v = environment[name], !v.isEmpty else {
                throw PollError("environment variable \(name) (a credential) is not set")
            }
            return v
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PollError("cannot read the credential file \(path)")
            }
            var s = String(decoding: data, as: UTF8.self)
            // Prometheus trims surrounding whitespace of credential files.
            s = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return s
        }
    }
}
