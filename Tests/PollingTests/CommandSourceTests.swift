import Foundation
import Testing
@testable import Polling

@Suite struct CommandSourceTests {
    func poll(_ s: CommandSource, timeout: Duration = .seconds(5)) async throws -> String {
        String(decoding: try await s.poll(deadline: .now + timeout).body, as: UTF8.self)
    }

    @Test func exposition() async throws {
        let s = CommandSource(argv: ["/usr/bin/printf", "a 1\\nb 2\\n"])
        #expect(try await poll(s) == "a 1\nb 2\n")
    }

    @Test func number() async throws {
        let s = CommandSource(argv: ["/bin/echo", " 42.5 "], format: .number(metric: "disk_free"))
        #expect(try await poll(s) == "disk_free 42.5\n")
    }

    /// Shell metacharacters in arguments are passed literally without `shell`.
    @Test func noShellByDefault() async throws {
        let s = CommandSource(argv: ["/bin/echo", "$(id)", ";", "x"])
        #expect(try await poll(s) == "$(id) ; x\n")
    }

    @Test func shellWhenAsked() async throws {
        let s = CommandSource(argv: ["echo a 3 | tr a b"], shell: true)
        #expect(try await poll(s) == "b 3\n")
    }

    @Test func nonZeroExitIsAnError() async throws {
        let s = CommandSource(argv: ["/bin/sh", "-c", "echo oops >&2; exit 3"])
        await #expect(throws: PollError("/bin/sh exited with status 3: oops")) { try await s.poll(deadline: .now + .seconds(5)) }
    }

    @Test func hangIsKilledAtTheDeadline() async throws {
        let s = CommandSource(argv: ["/bin/sh", "-c", "sleep 30 & sleep 30"])
        let start = ContinuousClock.now
        await #expect(throws: PollError.self) { try await s.poll(deadline: .now + .milliseconds(300)) }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func outputLimit() async throws {
        let s = CommandSource(argv: ["/bin/sh", "-c", "yes"], outputLimit: 1 << 16)
        await #expect(throws: PollError.self) { try await s.poll(deadline: .now + .seconds(5)) }
    }

    @Test func missingProgram() async throws {
        let s = CommandSource(argv: ["/nonexistent/prog"])
        await #expect(throws: PollError.self) { try await s.poll(deadline: .now + .seconds(5)) }
    }

    @Test func notANumber() async throws {
        let s = CommandSource(argv: ["/bin/echo", "hello"], format: .number(metric: "x"))
        await #expect(throws: PollError("/bin/echo printed \"hello\", not a number")) { try await s.poll(deadline: .now + .seconds(5)) }
    }
}
