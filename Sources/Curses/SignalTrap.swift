import Glibc
import Synchronization

/// The screen's signal handlers. Termination signals (TERM, INT, HUP) only set bits that the run
/// loop reads with `take()`; a second termination signal while the first is still unread restores
/// the terminal and exits at once (the app is stuck). Crash signals (SEGV, BUS, ABRT, ILL, FPE)
/// restore the terminal through `EmergencyRestore` and then let the previous action run (the default,
/// or Swift's backtracer). SIGWINCH is left to ncurses, which turns it into `KEY_RESIZE`.
///
/// All state is in atomics, touched before the handlers are installed (so no lazy initialisation
/// runs inside a handler).
enum SignalTrap {
    static let pending = Atomic<UInt64>(0)
    static let hangupReloads = Atomic<Bool>(false)
    static let termination: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE]
    static let terminationMask: UInt64 = (1 << UInt64(SIGTERM)) | (1 << UInt64(SIGINT))

    /// Installs the handlers, saving the previous actions into the published emergency state.
    static func install(hangup: HangupAction) {
        // Touch every global before a handler can run.
        pending.store(0, ordering: .relaxed)
        hangupReloads.store(hangup == .reload, ordering: .relaxed)
        _ = EmergencyRestore.done.load(ordering: .relaxed)
        guard let state = EmergencyRestore.current else { return }
        let previous = state.pointee.previous

        for sig in termination {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onTermination
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            _ = sigaction(sig, &action, previous + Int(sig))
        }
        for sig in crash {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = onCrash
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK
            _ = sigaction(sig, &action, previous + Int(sig))
        }
    }

    /// Puts the previous actions back (the screen ended normally).
    static func uninstall() {
        guard let state = EmergencyRestore.current else { return }
        for sig in termination + crash {
            _ = sigaction(sig, state.pointee.previous + Int(sig), nil)
        }
    }

    /// The oldest unread signal, cleared as it is read. Terminations come before reloads.
    static func take() -> ScreenSignal? {
        let bits = pending.load(ordering: .acquiring)
        guard bits != 0 else { return nil }
        if bits & terminalLostBit != 0 {
            _ = pending.bitwiseAnd(~terminalLostBit, ordering: .acquiringAndReleasing)
            return .terminate(SIGHUP)
        }
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            let bit = UInt64(1) << UInt64(sig)
            guard bits & bit != 0 else { continue }
            _ = pending.bitwiseAnd(~bit, ordering: .acquiringAndReleasing)
            if sig == SIGHUP && hangupReloads.load(ordering: .relaxed) { return .reload }
            return .terminate(sig)
        }
        return nil
    }

    /// True when a signal is waiting to be read.
    static var hasPending: Bool { pending.load(ordering: .relaxed) != 0 }

    /// The bit for "the terminal went away" (not a signal: input reported a hang-up).
    static let terminalLostBit: UInt64 = 1 << 63

    /// Records that the terminal went away; read as `.terminate(SIGHUP)` whatever SIGHUP means.
    static func postTerminalLost() {
        _ = pending.bitwiseOr(terminalLostBit, ordering: .acquiringAndReleasing)
    }
}

/// Async-signal-safe: sets the signal's bit; a second TERM/INT while one is unread forces the exit.
private let onTermination: @convention(c) (Int32) -> Void = { sig in
    let bit = UInt64(1) << UInt64(sig)
    if sig == SIGHUP && SignalTrap.hangupReloads.load(ordering: .relaxed) {
        _ = SignalTrap.pending.bitwiseOr(bit, ordering: .acquiringAndReleasing)
        return
    }
    let before = SignalTrap.pending.bitwiseOr(bit, ordering: .acquiringAndReleasing).oldValue
    if before & (SignalTrap.terminationMask | (UInt64(1) << UInt64(SIGHUP))) != 0 {
        EmergencyRestore.run()
        _exit(128 + sig)
    }
}

/// Async-signal-safe: restores the terminal, puts the previous action back and hands the signal to
/// it: a signal someone sent (si_code <= 0: kill, raise, abort) is raised again; a fault returns and
/// faults again under the previous action.
private let onCrash: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    sig, info, _ in
    EmergencyRestore.run()
    if let state = EmergencyRestore.current, sig > 0, Int(sig) < EmergencyRestore.slotCount {
        _ = sigaction(sig, state.pointee.previous + Int(sig), nil)
    } else {
        var dfl = sigaction()
        dfl.__sigaction_handler.sa_handler = SIG_DFL
        _ = sigaction(sig, &dfl, nil)
    }
    let code = info?.pointee.si_code ?? 0
    if code <= 0 { _ = raise(sig) }
}
