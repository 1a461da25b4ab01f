import Foundation
import Glibc

/// Runs a full-screen program on a pseudo-terminal this process opens, counting every byte the
/// program writes to it and the CPU time it uses: the steady-state half of `vigil-bench render`.
///
/// The child is started with `posix_spawn` (no `fork` in a threaded Swift process): it gets its own
/// session (`POSIX_SPAWN_SETSID`) and opens the slave side as fds 0–2 after `setsid`, which on Linux
/// makes the slave its controlling terminal (what `TIOCSCTTY` would do after a `fork`); the window size
/// is set on the master before the child starts. Queries the program writes (cursor position, device
/// attributes) are answered as xterm would, so a program waiting for a reply does not stall.
final class PseudoTerminalRun {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What one measured run saw.
    struct Measurement {
        /// Bytes written in the measured window (after the warm-up).
        var bytes = 0
        /// Bytes written during the warm-up (start-up and first full paint).
        var warmupBytes = 0
        /// User + system CPU seconds in the measured window (all threads).
        var cpuSeconds = 0.0
        var seconds = 0.0
        /// Terminal queries answered.
        var queriesAnswered = 0
        /// The controlling terminal the child reported (`/proc/PID/stat` tty_nr) matched the slave.
        var controllingTerminal = false
        var exitDescription = ""

        var bytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds : 0 }
    }

    let master: Int32
    let slavePath: String
    /// The parent's own handle on the slave (close-on-exec): keeps the master from reporting a
    /// hang-up before the child opens the slave or after it exits.
    private let slave: Int32
    private(set) var pid: pid_t = 0
    private var reaped = false
    private var exitStatus: Int32 = 0

    /// Opens a pseudo-terminal of `columns`×`rows`.
    init(columns: Int, rows: Int) throws {
        let fd = ptyOpen(O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw Failure(description: "posix_openpt: \(String(cString: strerror(errno)))") }
        var name = [CChar](repeating: 0, count: 256)
        guard ptyGrant(fd) == 0, ptyUnlock(fd) == 0, ptyName(fd, &name, name.count) == 0 else {
            close(fd)
            throw Failure(description: "grantpt/unlockpt/ptsname: \(String(cString: strerror(errno)))")
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(fd, UInt(TIOCSWINSZ), &size) == 0 else {
            close(fd)
            throw Failure(description: "TIOCSWINSZ: \(String(cString: strerror(errno)))")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let held = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard held >= 0 else {
            close(fd)
            throw Failure(description: "open \(path): \(String(cString: strerror(errno)))")
        }
        master = fd
        slave = held
        slavePath = path
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if pid > 0 && !reaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        close(slave)
        close(master)
    }

    /// Starts `executable` with `arguments` in `directory`, the environment exactly `environment`,
    /// the slave as its standard input, output, error and controlling terminal.
    func start(_ executable: String, _ arguments: [String], environment: [String: String], directory: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let directory { _ = spawnAddChdir(&actions, directory) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal dispositions and an empty mask, so SIGTERM/SIGWINCH reach the program.
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(PseudoTerminalRun.spawnSetSID | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))
        let argv = [executable] + arguments
        let env = environment.map { "\($0.key)=\($0.value)" }.sorted()
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer {
            for p in cargs { free(p) }
            for p in cenv { free(p) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, &cargs, &cenv)
        guard rc == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// Reads and counts output for `warmup` seconds (not measured), then for `seconds` (measured),
    /// then sends `quitKeys` and waits up to 5 s for the program to exit; SIGTERM, then SIGKILL, if it
    /// does not. The child is always reaped.
    func measure(warmup: Double, seconds: Double, quitKeys: [UInt8]) throws -> Measurement {
        var m = Measurement()
        var replies = QueryResponder()
        let start = Self.monotonic()
        let warmEnd = start + warmup
        let end = warmEnd + seconds
        var cpuStart = 0.0
        var measuring = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let now = Self.monotonic()
            if !measuring && now >= warmEnd {
                measuring = true
                cpuStart = try cpuSeconds()
                m.controllingTerminal = controllingTerminalMatches()
            }
            if now >= end { break }
            if reapIfExited() {
                throw Failure(description: "the program exited during the run (\(describe(exitStatus)))")
            }
            drain(&buffer, until: min(measuring ? end : warmEnd, now + 0.25)) { chunk in
                if measuring { m.bytes += chunk.count } else { m.warmupBytes += chunk.count }
                for reply in replies.feed(chunk) {
                    m.queriesAnswered += 1
                    _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                }
            }
        }
        m.cpuSeconds = try cpuSeconds() - cpuStart
        m.seconds = seconds
        // Quit: the program's key first, then signals.
        _ = quitKeys.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        m.exitDescription = stop(grace: 5)
        return m
    }

    /// Reads whatever arrives until `deadline` (monotonic seconds), handing each chunk to `body`.
    @discardableResult
    private func drain(_ buffer: inout [UInt8], until deadline: Double, _ body: (ArraySlice<UInt8>) -> Void) -> Int {
        var total = 0
        while true {
            let left = deadline - Self.monotonic()
            if left <= 0 { return total }
            var fd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, Int32(max(1, min(left * 1000, 250))))
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                total += n
                body(buffer[0..<n])
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                // EIO: the slave side is closed (the program exited).
                return total
            }
        }
    }

    /// Ends the program: waits `grace` seconds for it to exit on its own, then SIGTERM, then
    /// SIGKILL. Output is drained meanwhile so a blocked write cannot keep it alive.
    func stop(grace: Double) -> String {
        guard pid > 0, !reaped else { return describe(exitStatus) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var how = "quit key"
        for (signal, wait) in [(Int32(0), grace), (SIGTERM, 3.0), (SIGKILL, 3.0)] {
            if signal != 0 {
                kill(pid, signal)
                how = signal == SIGTERM ? "SIGTERM" : "SIGKILL"
            }
            let deadline = Self.monotonic() + wait
            while Self.monotonic() < deadline {
                if reapIfExited() { return "\(describe(exitStatus)) after \(how)" }
                _ = drain(&buffer, until: Self.monotonic() + 0.05) { _ in }
            }
        }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        reaped = true
        exitStatus = status
        return "\(describe(status)) after SIGKILL"
    }

    @discardableResult
    private func reapIfExited() -> Bool {
        if reaped { return true }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            reaped = true
            exitStatus = status
            return true
        }
        return false
    }

    private func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return "exit \((status >> 8) & 0xFF)" }
        return "signal \(signal)"
    }

    /// utime + stime of the whole process (all its threads) from `/proc/PID/stat`.
    func cpuSeconds() throws -> Double {
        guard let fields = statFields() else { throw Failure(description: "cannot read /proc/\(pid)/stat") }
        // Fields after the command name: state is field 3, utime 14, stime 15 (1-based).
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else {
            throw Failure(description: "unexpected /proc/\(pid)/stat")
        }
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// True when the child's controlling terminal (`tty_nr`, field 7) is the slave device.
    private func controllingTerminalMatches() -> Bool {
        guard let fields = statFields(), fields.count > 4, let ttyNr = UInt64(fields[4]) else { return false }
        var st = stat()
        guard stat(slavePath, &st) == 0 else { return false }
        // tty_nr and st_rdev both pack major/minor the kernel's way (minor's low byte, major, the
        // rest of minor); st_rdev may carry more high bits.
        let rdev = UInt64(st.st_rdev)
        let major = ((rdev >> 8) & 0xFFF) | ((rdev >> 32) & ~0xFFF)
        let minor = (rdev & 0xFF) | ((rdev >> 12) & ~0xFF)
        return (ttyNr >> 8) & 0xFFF == major && ((ttyNr & 0xFF) | ((ttyNr >> 12) & 0xFFF00)) == minor
    }

    /// `/proc/PID/stat` split after the parenthesised command name (which may hold spaces).
    private func statFields() -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// glibc's `POSIX_SPAWN_SETSID` (defined only under `_GNU_SOURCE`, so not imported).
    static let spawnSetSID: Int32 = 0x80
}

@_silgen_name("posix_openpt") private func ptyOpen(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func ptyGrant(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func ptyUnlock(_ fd: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptyName(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
