import Foundation

/// Locates `../shared/conformance` relative to the repository root (found from this file's path),
/// so conformance tests can skip cleanly when the folder is absent.
enum ConformanceData {
    static var root: String? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/conformance")
                return FileManager.default.fileExists(atPath: candidate.path) ? candidate.path : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func files(_ sub: String, suffix: String) -> [String] {
        guard let root else { return [] }
        let dir = root + "/" + sub
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { dir + "/" + $0 }
    }
}
