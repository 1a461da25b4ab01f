import Foundation

/// btop's config for `vigil-bench render`: `XDG_CONFIG_HOME/btop/btop.conf` with `update_ms = 1000`.
/// Everything else stays at btop's defaults (all four boxes: cpu, mem, net, proc), except the colour
/// depth: 256 colours like Vigil's on `xterm-256color` unless `truecolor` is asked for.
enum BtopConfig {
    static func text(truecolor: Bool) -> String {
        """
        #* Written by vigil-bench render; keys not named here keep btop's defaults.
        update_ms = 1000
        truecolor = \(truecolor ? "True" : "False")
        force_tty = False
        vim_keys = False
        shown_boxes = "cpu mem net proc"
        show_battery = False
        background_update = True
        log_level = "WARNING"

        """
    }

    /// Writes the config under `home` (used as `XDG_CONFIG_HOME`).
    static func write(into home: URL, truecolor: Bool) throws {
        let folder = home.appendingPathComponent("btop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text(truecolor: truecolor).utf8).write(to: folder.appendingPathComponent("btop.conf"))
    }
}
