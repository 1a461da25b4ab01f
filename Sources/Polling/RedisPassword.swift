import Config
import Foundation

/// Reads a Redis password from its `SecretSource` at poll time, so a rotated file or environment
/// variable takes effect on the next poll. Errors name the file or variable, never the value.
enum RedisPassword {
    /// Largest password file read; a bigger file is a misconfiguration, not a password.
    static let maxFileSize = 64 * 1024

    static func read(_ source: SecretSource?) throws(PollError) -> String? {
        switch source {
        case nil:
            return nil
        case .literal(let secret):
            return secret.reveal()
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name] else {
                throw PollError("redis password: environment variable \(name) is not set")
            }
            return trimmed(value)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw PollError("redis password: cannot read file \(path)")
            }
            defer { try? handle.close() }
            let data: Data
            do {
                data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
            } catch {
                throw PollError("redis password: cannot read file \(path)")
            }
            guard data.count <= maxFileSize else {
                throw PollError("redis password: file \(path) is larger than \(maxFileSize) bytes")
            }
            return trimmed(String(decoding: data, as: UTF8.self))
        }
    }

    /// Surrounding whitespace and the trailing newline editors add are not part of the password
    /// (as Prometheus does for `password_file`).
    private static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
