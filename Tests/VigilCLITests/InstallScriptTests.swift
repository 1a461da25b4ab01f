import Foundation
import Testing

/// `scripts/install --prefix DIR` puts the binary, themes, man page and completions where users
/// and shells expect them, and the installed binary finds its themes. The binary under test is
/// installed as it is (`--binary`), so no release build is needed here.
@Suite struct InstallScriptTests {
    @Test func installsIntoAPrefix() throws {
        let tmp = try TemporaryFolder("vigil-install")
        let prefix = tmp.file("prefix").path
        let script = VigilProcess.packageRoot.appendingPathComponent("scripts/install").path
        let r = try Program.run("/bin/bash", [script, "--prefix", prefix, "--binary", VigilProcess.binary.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Installed vigil"))
        for file in ["bin/vigil", "share/man/man1/vigil.1", "share/bash-completion/completions/vigil",
                     "share/zsh/site-functions/_vigil", "share/fish/vendor_completions.d/vigil.fish",
                     "share/vigil/themes/default.theme", "share/vigil/themes/nord.theme"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "missing \(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/vigil"))
        // The installed binary finds the installed themes (run from a folder with no themes/ of its own).
        let installed = prefix + "/bin/vigil"
        let env = try tmp.isolatedEnvironment()
        let unknown = try Program.run(installed, ["snapshot", "--width", "40", "--height", "6", "--theme", "nope", "host://"],
                                      env: env, cwd: tmp.url)
        #expect(unknown.stderr.contains("unknown theme \"nope\" (available: "))
        #expect(unknown.stderr.contains("nord"))
        let nord = try Program.run(installed, ["snapshot", "--width", "40", "--height", "6", "--theme", "nord", "host://"],
                                   env: env, cwd: tmp.url)
        #expect(nord.status == 0)
        #expect(!nord.stderr.contains("theme"), "\(nord.stderr)")
        #expect(try Program.run(installed, ["--version"]).stdout.hasPrefix("vigil "))
    }

    @Test func badArguments() throws {
        let script = VigilProcess.packageRoot.appendingPathComponent("scripts/install").path
        let r = try Program.run("/bin/bash", [script, "--prefx", "/tmp/x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown argument '--prefx'"))
        let help = try Program.run("/bin/bash", [script, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--prefix DIR"))
    }
}
