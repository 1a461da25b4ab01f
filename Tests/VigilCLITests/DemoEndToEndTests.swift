import Foundation
import Testing

/// `vigil` with no config and no URL runs the built-in demo: real HTTP services on loopback, the
/// bundled dashboard and rules. Checked through `vigil snapshot` in a folder with no config, and a
/// home with none either.
@Suite struct DemoEndToEndTests {
    @Test func snapshotWithoutConfigShowsTheDemo() throws {
        let tmp = try TemporaryFolder("vigil-demo-e2e")
        let env = try tmp.isolatedEnvironment()
        let r = try VigilProcess.run(["snapshot", "--after", "5s", "--width", "140", "--height", "45"], env: env, cwd: tmp.url)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        for text in ["Services", "Processes", "This host", "Requests/s", "Requests by service", "Error ratio",
                     "payments latency", "Work queues", "emails", "thumbnails", "Alerts", "5/5 up", "checkout", "payments", "search"] {
            #expect(r.stdout.contains(text), "no \"\(text)\" in\n\(r.stdout)")
        }
        // The rule file the demo wrote loads as any rule file does.
        let rules = tmp.file("run/vigil-demo/demo-rules.yml").path
        #expect(FileManager.default.fileExists(atPath: rules))
        let check = try VigilProcess.run(["check", "rules", rules])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aURLMeansNoDemo() throws {
        let tmp = try TemporaryFolder("vigil-demo-e2e")
        let env = try tmp.isolatedEnvironment()
        let r = try VigilProcess.run(["snapshot", "--width", "100", "--height", "30", "host://"], env: env, cwd: tmp.url)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("Requests by service"))
        #expect(!FileManager.default.fileExists(atPath: tmp.file("run/vigil-demo").path))
    }

    @Test func aConfigMeansNoDemo() throws {
        let tmp = try TemporaryFolder("vigil-demo-e2e")
        let env = try tmp.isolatedEnvironment()
        #expect(try VigilProcess.run(["init"], env: env, cwd: tmp.url).status == 0)
        let r = try VigilProcess.run(["snapshot", "--width", "100", "--height", "30"], env: env, cwd: tmp.url)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("Requests by service"))
    }
}
