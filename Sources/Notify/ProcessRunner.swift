import Foundation

/// Runs a program from an argument vector with `posix_spawnp` (never a shell, so nothing in an
/// argument or the environment is interpreted), its standard input read from a private
/// unlinked temporary file, standard output discarded and standard error kept (bounded) for
/// the error message. At the deadline the program's whole process group is killed.
enum ProcessRunner {
    struct Exit {
        var status: Int32
        var stderr: [UInt8]
    }

    static let stderrLimit = 4096

    /// Blocking: call it from a delivery thread.
    static func run(_ argv: [String], environment: [String], stdin: [UInt8], timeout: Duration) throws(NotifyError) -> Exit {
        guard let program = argv.first, !program.isEmpty else { throw NotifyError("the command has no program", permanent: true) }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let input = try inputFile(stdin)
        defer { close(input) }
        var errPipe: [Int32] = [0, 0]
        guard pipe(&errPipe) == 0 else { throw NotifyError("cannot run \(program): pipe: \(errorText(errno))") }
        // Glibc's module has no pipe2; another thread's spawn may still inherit these briefly,
        // which is harmless: completion is decided by waitpid, not by end of file.
        for fd in errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // Own process group (killed as a whole at the deadline), no blocked signals, and default
        // handling of SIGPIPE even if Vigil ignores it.
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attr, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var pid: pid_t = 0
        let rc = withCStrings(argv) { args in
            withCStrings(environment) { envp in posix_spawnp(&pid, program, &actions, &attr, args, envp) }
        }
        close(errPipe[1])
        defer { close(errPipe[0]) }
        guard rc == 0 else { throw NotifyError("cannot run \(program): \(errorText(rc))") }
        var stderr: [UInt8] = []
        var open = true
        var buf = [UInt8](repeating: 0, count: 4096)
        var status: Int32 = 0
        while true {
            let w = waitpid(pid, &status, WNOHANG)
            if w == pid { break }
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw NotifyError("\(program): timed out after \(timeout) (killed)")
            }
            let ms = Int32(min(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000), 50))
            if open {
                var fd = pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)
                if poll(&fd, 1, ms) > 0 {
                    let n = read(errPipe[0], &buf, buf.count)
                    if n <= 0 { open = false } else if stderr.count < stderrLimit {
                        stderr.append(contentsOf: buf[0..<min(n, stderrLimit - stderr.count)])
                    }
                }
            } else {
                usleep(useconds_t(ms) * 1000)
            }
        }
        // Whatever the program wrote just before exiting.
        if open {
            _ = fcntl(errPipe[0], F_SETFL, fcntl(errPipe[0], F_GETFL) | O_NONBLOCK)
            while stderr.count < stderrLimit {
                let n = read(errPipe[0], &buf, buf.count)
                if n <= 0 { break }
                stderr.append(contentsOf: buf[0..<min(n, stderrLimit - stderr.count)])
            }
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Exit(status: exit, stderr: stderr)
    }

    /// An unlinked temporary file holding `bytes`, positioned at the start (close-on-exec).
    private static func inputFile(_ bytes: [UInt8]) throws(NotifyError) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/vigil-alert-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
            guard let base = p.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw NotifyError("cannot create the command's input file: \(errorText(errno))") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { _ = unlink(base) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, bytes.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let e = errno
                close(fd)
                throw NotifyError("cannot write the command's input file: \(errorText(e))")
            }
            written += n
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    static func errorText(_ e: Int32) -> String { String(cString: strerror(e)) }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var ptrs: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        ptrs.append(nil)
        defer { for p in ptrs { free(p) } }
        return body(ptrs)
    }
}
