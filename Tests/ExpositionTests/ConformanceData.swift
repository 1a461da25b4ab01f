import Foundation

/// Locates `../shared/conformance` relative to the repository root (found from this file's path),
/// so conformance tests can skip cleanly when the folder is absent.
enum ConformanceData {
    static var root: URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/conformance")
                return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func bytes(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }
}
