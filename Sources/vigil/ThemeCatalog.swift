import Foundation
import Terminal

/// Finds theme files: next to the installed binary (`../share/vigil/themes`, `./themes`),
/// in `$XDG_CONFIG_HOME/vigil/themes`, and in the repository's `themes/` when run from a
/// checkout (`swift run`). A later folder's theme of the same name wins (user themes override).
struct ThemeCatalog {
    let folders: [String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders: [String] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(exe.appendingPathComponent("../share/vigil/themes").standardized.path)
        folders.append(exe.appendingPathComponent("themes").path)
        // A checkout: .build/<config>/vigil → the repository's themes/.
        folders.append(exe.appendingPathComponent("../../themes").standardized.path)
        folders.append(exe.appendingPathComponent("../../../themes").standardized.path)
        folders.append(FileManager.default.currentDirectoryPath + "/themes")
        let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        if !xdg.isEmpty { folders.append(xdg + "/vigil/themes") }
        self.folders = folders
    }

    /// Theme name → file path, over every folder.
    func available() -> [String: String] {
        var out: [String: String] = [:]
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for n in names where n.hasSuffix(".theme") {
                out[String(n.dropLast(".theme".count))] = folder + "/" + n
            }
        }
        return out
    }

    /// Loads a theme by name; `default` falls back to the built-in one when no file exists.
    func load(_ name: String) throws -> Theme {
        let aliases = ["mono": "monochrome", "high_contrast": "high-contrast", "dark": "default"]
        let wanted = aliases[name] ?? name
        guard let path = available()[wanted] else {
            if wanted == "default" { return .builtinDefault }
            let known = available().keys.sorted().joined(separator: ", ")
            throw ThemeLoadError(description: "unknown theme \"\(name)\" (available: \(known.isEmpty ? "default" : known))")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            return try Theme.load(text: text, file: path)
        } catch {
            throw ThemeLoadError(description: error.description)
        }
    }

    struct ThemeLoadError: Error, CustomStringConvertible {
        let description: String
    }
}
