import CNcursesw
import Glibc
import Synchronization

/// Process-wide facts about the one ncurses screen: whether one is running (ncurses keeps a single
/// current screen) and the `atexit` hook that ends it if the process exits without `stop()`.
enum ScreenLifecycle {
    static let active = Atomic<Bool>(false)
    static let exitHookRegistered = Atomic<Bool>(false)

    /// Registers the exit hook once per process.
    static func registerExitHook() {
        guard !exitHookRegistered.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = atexit(exitHook)
    }
}

/// Runs at `exit()`: ends curses if a screen is still active. (At exit the run loop has stopped, so
/// this is the only ncurses call in flight.)
private let exitHook: @convention(c) () -> Void = {
    guard ScreenLifecycle.active.exchange(false, ordering: .acquiringAndReleasing) else { return }
    SignalTrap.uninstall()
    EmergencyRestore.withdraw()
    _ = endwin()
}
