import Foundation
import Testing

/// `vigil init` writes a starter config that `vigil check` accepts, and never replaces a file
/// unless told to.
@Suite struct InitCommandTests {
    @Test func writesACheckedStarterConfig() throws {
        let tmp = try TemporaryFolder()
        let env = try tmp.isolatedEnvironment()
        let r = try VigilProcess.run(["init"], env: env, cwd: tmp.url)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Wrote vigil.yml"))
        let text = try #require(tmp.read("vigil.yml"))
        #expect(text.hasPrefix("# Vigil configuration, written by `vigil init`."))
        #expect(text.contains("kind: host"))
        let check = try VigilProcess.run(["check"], env: env, cwd: tmp.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("vigil.yml: OK (1 sources, 0 dashboards, 0 rule files)"))
        #expect(check.stderr.isEmpty)
    }

    @Test func refusesToReplaceWithoutForce() throws {
        let tmp = try TemporaryFolder()
        try "sources: []\n".write(to: tmp.file("vigil.yml"), atomically: true, encoding: .utf8)
        let r = try VigilProcess.run(["init"], cwd: tmp.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("vigil init: vigil.yml already exists (use --force to replace it)"))
        #expect(tmp.read("vigil.yml") == "sources: []\n")
        let forced = try VigilProcess.run(["init", "--force"], cwd: tmp.url)
        #expect(forced.status == 0)
        #expect(tmp.read("vigil.yml")?.contains("kind: host") == true)
    }

    @Test func pathAndFolder() throws {
        let tmp = try TemporaryFolder()
        let r = try VigilProcess.run(["init", tmp.file("custom.yml").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("vigil --config \(tmp.file("custom.yml").path)"))
        #expect(try VigilProcess.run(["check", tmp.file("custom.yml").path]).status == 0)
        let folder = try VigilProcess.run(["init", tmp.path])
        #expect(folder.status == 0)
        #expect(tmp.read("vigil.yml") != nil)
        let missing = try VigilProcess.run(["init", tmp.file("no/such/folder/x.yml").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("vigil init: cannot write"))
    }
}
