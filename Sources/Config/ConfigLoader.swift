import Foundation
import YAML

/// Reads a config file: YAML first, then the typed model. Errors come back all together.
public enum ConfigLoader {
    public static func load(path: String) throws(ConfigErrors) -> Config {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigErrors([ConfigError(file: path, line: 1, column: 1, message: "cannot read the config file: \(Self.reason(error))")])
        }
        let root: YAMLNode?
        do {
            root = try YAML.load(bytes: [UInt8](data), file: path)
        } catch {
            throw ConfigErrors([ConfigError(file: error.file, line: error.line, column: error.column, message: error.message)])
        }
        return try decode(root, file: path, directory: url.deletingLastPathComponent().path)
    }

    /// Parses config text; relative paths resolve against `directory` (default: the folder of `file`).
    public static func parse(text: String, file: String, directory: String? = nil) throws(ConfigErrors) -> Config {
        let root: YAMLNode?
        do {
            root = try YAML.load(text, file: file)
        } catch {
            throw ConfigErrors([ConfigError(file: error.file, line: error.line, column: error.column, message: error.message)])
        }
        let folder = directory ?? URL(fileURLWithPath: file).deletingLastPathComponent().path
        return try decode(root, file: file, directory: folder)
    }

    private static func decode(_ root: YAMLNode?, file: String, directory: String) throws(ConfigErrors) -> Config {
        let decoder = ConfigDecoder(file: file, directory: directory)
        let config = decoder.decode(root)
        let errors = decoder.diagnostics.sorted
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return config
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
