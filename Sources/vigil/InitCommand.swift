import Arguments
import Foundation

/// `vigil init [PATH]`: writes the commented starter config (default `./vigil.yml`; a folder gets
/// `vigil.yml` inside), refusing to replace an existing file without `--force`.
enum InitCommand {
    static func run(_ args: ParsedArguments) -> ExitCode {
        var path = args.positionals.first ?? "vigil.yml"
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            path = (path.hasSuffix("/") ? path : path + "/") + "vigil.yml"
        }
        if FileManager.default.fileExists(atPath: path) && !args.flag("force") {
            printError("vigil init: \(path) already exists (use --force to replace it)")
            return .usage
        }
        do {
            try Data(StarterConfig.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("vigil init: cannot write \(path): \(error.localizedDescription)")
            return .failure
        }
        let run = path == "vigil.yml" || path == "./vigil.yml" ? "vigil" : "vigil --config \(path)"
        print("Wrote \(path). Add your sources, check it with `vigil check \(path)`, then run `\(run)`.")
        return .success
    }
}
