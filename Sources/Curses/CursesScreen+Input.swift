import CNcursesw
import Glibc

/// Keyboard and mouse input, and noticing that the terminal went away.
extension CursesScreen {
    /// Waits up to `timeout` for one key; nil when none came (or a signal is waiting: check
    /// `takeSignal()`). A resize arrives as `.resize` after the screen has taken the new size; Ctrl-L
    /// also schedules a full redraw. Mouse events that are not presses or wheel steps read as nil.
    public func readKey(timeout: Duration) -> Key? {
        guard running, !SignalTrap.hasPending else { return nil }
        let ms = CursesScreen.milliseconds(timeout)
        if ms != currentTimeout {
            wtimeout(window, ms)
            currentTimeout = ms
        }
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == vigil_err() {
            noticeHangup()
            return nil
        }
        if status == vigil_key_code_yes(), value == UInt32(vigil_key_mouse()) {
            var x: Int32 = 0, y: Int32 = 0
            var state: mmask_t = 0
            guard vigil_getmouse(&x, &y, &state) == vigil_ok() else { return nil }
            return KeyDecoder.decodeMouse(state: UInt32(state), x: Int(x), y: Int(y))
        }
        guard let key = KeyDecoder.decode(status: status, value: value) else { return nil }
        switch key {
        case .resize:
            // ncurses has resized its windows; the terminal may have reflowed the old picture.
            needsClear = true
        case .ctrl("l"):
            needsClear = true
        default:
            break
        }
        return key
    }

    /// A timeout as ncurses' `wtimeout` takes it: whole milliseconds, 0...60 000.
    static func milliseconds(_ d: Duration) -> Int32 {
        let (s, atto) = d.components
        if s < 0 || (s == 0 && atto <= 0) { return 0 }
        if s >= 60 { return 60_000 }
        return Int32(s) * 1000 + Int32(atto / 1_000_000_000_000_000)
    }

    /// Input ended with an error: if the terminal hung up (pty closed, ssh dropped), post a
    /// termination so the run loop ends instead of spinning on a dead terminal.
    private func noticeHangup() {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) == 1 else { return }
        if fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            SignalTrap.postTerminalLost()
        }
    }
}
