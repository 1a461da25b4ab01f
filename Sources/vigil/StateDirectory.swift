import Foundation

/// Where a run keeps what must survive a restart (alert state, silences, undelivered
/// notifications): the flag, else the config's `state_dir`, else `$XDG_STATE_HOME/vigil`,
/// else `~/.local/state/vigil`.
enum StateDirectory {
    static func resolve(flag: String?, config: String?) -> String {
        if let flag, !flag.isEmpty { return absolute(flag) }
        if let config, !config.isEmpty { return config }
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/vigil" }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/vigil"
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
