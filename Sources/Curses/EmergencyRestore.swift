import Glibc
import Synchronization

/// Puts the terminal back from a signal handler, where ncurses' `endwin` must not be called: it
/// writes the bytes `endwin` would send (reset attributes, show the cursor, leave keypad and mouse
/// modes, leave the alternate screen), computed while the screen started, and restores the termios
/// settings saved before ncurses changed them. Only `write` and `tcsetattr` run in the handler, both
/// async-signal-safe; the state is read through an atomic pointer published before any handler is
/// installed.
enum EmergencyRestore {
    /// What the handler needs; allocated once per screen start and never freed (a handler on another
    /// thread may still be reading an old one), written before it is published.
    struct State {
        var fd: Int32
        var hasTermios: Bool
        var termios: termios
        var bytes: UnsafeMutablePointer<UInt8>
        var count: Int
        /// Previous actions of every signal we catch, indexed by signal number.
        var previous: UnsafeMutablePointer<sigaction>
    }

    static let slotCount = 65
    /// The published `State` pointer's bits, 0 when no screen is active.
    static let state = Atomic<UInt>(0)
    /// Set once the terminal was restored, so a second signal does not write again.
    static let done = Atomic<Bool>(false)

    /// Builds and publishes the state. Call before installing handlers.
    static func publish(fd: Int32, termios saved: termios?, bytes: [UInt8]) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: slotCount)
        previous.initialize(repeating: sigaction(), count: slotCount)
        let p = UnsafeMutablePointer<State>.allocate(capacity: 1)
        p.initialize(to: State(fd: fd, hasTermios: saved != nil, termios: saved ?? termios(), bytes: buffer,
                               count: bytes.count, previous: previous))
        done.store(false, ordering: .releasing)
        state.store(UInt(bitPattern: p), ordering: .releasing)
    }

    /// The published state, if a screen is active.
    static var current: UnsafeMutablePointer<State>? {
        UnsafeMutablePointer<State>(bitPattern: state.load(ordering: .acquiring))
    }

    /// Stops the handlers from touching the terminal (the screen ended normally).
    static func withdraw() {
        state.store(0, ordering: .releasing)
    }

    /// Async-signal-safe: restores the terminal once.
    static func run() {
        guard let p = current else { return }
        guard !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var written = 0
        let count = p.pointee.count
        while written < count {
            let n = write(p.pointee.fd, p.pointee.bytes + written, count - written)
            if n > 0 { written += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
        if p.pointee.hasTermios {
            var t = p.pointee.termios
            _ = tcsetattr(p.pointee.fd, TCSANOW, &t)
        }
    }
}
