import Arguments
import Config
import Foundation

/// Finds and loads the config file the way every command does: `--config`, `$VIGIL_CONFIG`,
/// `./vigil.yml`, `$XDG_CONFIG_HOME/vigil/config.yml`.
enum ConfigSelection {
    enum Outcome {
        case none
        case loaded(Config, ConfigLocator.Location)
        case failed(ConfigErrors)
    }

    static func load(flag: String?) -> Outcome {
        let locator = ConfigLocator(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
        guard let location = locator.locate(flag: flag) else { return .none }
        do {
            return .loaded(try ConfigLoader.load(path: location.path), location)
        } catch {
            return .failed(error)
        }
    }
}
