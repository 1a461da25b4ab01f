import Foundation

/// Finds the config file: `--config`, then `$VIGIL_CONFIG`, then `./vigil.yml`, then
/// `$XDG_CONFIG_HOME/vigil/config.yml` (or `~/.config/vigil/config.yml`). Nil means none exists
/// and the caller runs the built-in demo.
public struct ConfigLocator: Sendable {
    /// Which rule found the file, for "using config from ..." messages.
    public enum Origin: String, Hashable, Sendable { case flag, environment, workingDirectory, xdg }

    /// A found config file.
    public struct Location: Hashable, Sendable {
        public var path: String
        public var origin: Origin
    }

    public var environment: [String: String]
    public var workingDirectory: String
    public var fileExists: @Sendable (String) -> Bool

    public init(environment: [String: String], workingDirectory: String,
                fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.fileExists = fileExists
    }

    /// An explicit `--config` or `$VIGIL_CONFIG` is returned even when the file is missing, so
    /// the loader reports it rather than silently falling back to the demo.
    public func locate(flag: String?) -> Location? {
        if let flag, !flag.isEmpty { return Location(path: absolute(flag), origin: .flag) }
        if let env = environment["VIGIL_CONFIG"], !env.isEmpty { return Location(path: absolute(env), origin: .environment) }
        let local = join(workingDirectory, "vigil.yml")
        if fileExists(local) { return Location(path: local, origin: .workingDirectory) }
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = join(home, ".config")
        } else {
            return nil
        }
        let user = join(join(base, "vigil"), "config.yml")
        return fileExists(user) ? Location(path: user, origin: .xdg) : nil
    }

    private func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] { return home + path.dropFirst() }
        return join(workingDirectory, path)
    }

    private func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
