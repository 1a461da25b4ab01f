import Foundation

/// Where undelivered alerts are kept by default: `$XDG_STATE_HOME/vigil/notify-spool`, else
/// `~/.local/state/vigil/notify-spool` (state that should survive a restart, not a cache).
public enum SpoolLocation {
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/vigil/notify-spool"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/vigil/notify-spool"
    }
}
