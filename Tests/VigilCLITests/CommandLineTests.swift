import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsCommands() throws {
        let r = try VigilProcess.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Commands:"))
        #expect(r.stdout.contains("parse"))
        #expect(r.stdout.contains("check"))
    }

    @Test(arguments: ["parse", "check", "run", "version"])
    func everySubcommandHasHelp(name: String) throws {
        let r = try VigilProcess.run([name, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("vigil \(name) - "))
    }

    @Test func unknownCommandIsUsageError() throws {
        let r = try VigilProcess.run(["pars"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'pars' (did you mean 'parse'?)"))
    }

    @Test func unknownOptionIsUsageError() throws {
        let r = try VigilProcess.run(["parse", "--formt", "x", "-"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean --format?"))
    }

    @Test func version() throws {
        let r = try VigilProcess.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("vigil "))
    }
}
