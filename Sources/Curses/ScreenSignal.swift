/// A signal the run loop must act on, read with `CursesScreen.takeSignal()`.
public enum ScreenSignal: Hashable, Sendable {
    /// Quit cleanly: SIGTERM, SIGINT (Ctrl-C), SIGHUP when hang-ups terminate, or the terminal went away
    /// (reported as SIGHUP). The value is the signal number.
    case terminate(Int32)
    /// SIGHUP when hang-ups are configured to mean "reload the config".
    case reload
}

/// What SIGHUP means to the app.
public enum HangupAction: Hashable, Sendable {
    /// The terminal hung up: quit (the default).
    case terminate
    /// Reload the configuration (daemon convention); the terminal is still there.
    case reload
}
