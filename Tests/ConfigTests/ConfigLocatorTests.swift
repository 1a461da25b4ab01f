import Config
import Foundation
import Testing

/// Lookup order of the config file, and loading from disk.
@Suite struct ConfigLocatorTests {
    static let cases: [(flag: String?, env: [String: String], existing: [String], expected: String?, origin: ConfigLocator.Origin?)] = [
        ("my.yml", ["VIGIL_CONFIG": "/e.yml"], ["/w/vigil.yml"], "/w/my.yml", .flag),
        ("/abs.yml", [:], [], "/abs.yml", .flag),
        (nil, ["VIGIL_CONFIG": "/e.yml", "HOME": "/h"], ["/w/vigil.yml"], "/e.yml", .environment),
        (nil, ["VIGIL_CONFIG": "", "HOME": "/h"], ["/w/vigil.yml"], "/w/vigil.yml", .workingDirectory),
        (nil, ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], ["/w/vigil.yml", "/x/vigil/config.yml"], "/w/vigil.yml", .workingDirectory),
        (nil, ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], ["/x/vigil/config.yml", "/h/.config/vigil/config.yml"], "/x/vigil/config.yml", .xdg),
        (nil, ["HOME": "/h"], ["/h/.config/vigil/config.yml"], "/h/.config/vigil/config.yml", .xdg),
        (nil, ["XDG_CONFIG_HOME": "relative", "HOME": "/h"], ["/h/.config/vigil/config.yml"], "/h/.config/vigil/config.yml", .xdg),
        (nil, ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], ["/h/.config/vigil/config.yml"], nil, nil),
        (nil, ["HOME": "/h"], [], nil, nil),
        (nil, [:], [], nil, nil),
        ("~/v.yml", ["HOME": "/h"], [], "/h/v.yml", .flag),
    ]

    @Test(arguments: cases)
    func lookupOrder(_ c: (flag: String?, env: [String: String], existing: [String], expected: String?, origin: ConfigLocator.Origin?)) {
        let existing = Set(c.existing)
        let locator = ConfigLocator(environment: c.env, workingDirectory: "/w", fileExists: { existing.contains($0) })
        let found = locator.locate(flag: c.flag)
        #expect(found?.path == c.expected)
        #expect(found?.origin == c.origin)
    }

    @Test func loadsFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("vigil.yml")
        try "rule_files: [r/*.yml]\nsources:\n  - {name: a, url: 'http://h:1'}\n".write(to: good, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: good.path)
        #expect(config.ruleFiles == [folder.appendingPathComponent("r/*.yml").standardized.path])
        let bad = folder.appendingPathComponent("bad.yml")
        try Data([0x61, 0x3A, 0x20, 0xFF, 0x0A]).write(to: bad)
        #expect(throws: ConfigErrors([ConfigError(file: bad.path, line: 1, column: 4, message: "invalid UTF-8: byte 0xFF cannot start a UTF-8 sequence")])) {
            try ConfigLoader.load(path: bad.path)
        }
        let missing = folder.appendingPathComponent("missing.yml").path
        #expect(throws: ConfigErrors([ConfigError(file: missing, line: 1, column: 1, message: "cannot read the config file: no such file")])) {
            try ConfigLoader.load(path: missing)
        }
    }
}
