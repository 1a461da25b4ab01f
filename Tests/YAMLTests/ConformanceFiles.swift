import Foundation

/// Locates `../shared/conformance` next to the repository root; absent in a user's clone,
/// so tests that need it skip with a note.
enum ConformanceFiles {
    static var root: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/conformance")
    }

    static var rulesFolder: URL? {
        let url = root.appendingPathComponent("rules")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every `*.yaml` / `*.yml` file under `rules/`, sorted, as paths relative to `rules/`.
    static func ruleFiles() -> [String] {
        guard let folder = rulesFolder,
              let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(".yaml") || next.hasSuffix(".yml") { files.append(next) }
        }
        return files.sorted()
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let folder = rulesFolder else { return [] }
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(relative)))
    }
}
