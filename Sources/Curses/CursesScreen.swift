import CNcursesw
import Foundation
import Glibc
import Terminal

/// The only code that talks to the terminal: it starts ncursesw, writes `Buffer` frames as diffs,
/// reads keys, and puts the terminal back on every way out (normal stop, `exit`, SIGTERM/SIGINT/
/// SIGHUP, crash signals).
///
/// Threading: ncurses is not thread-safe. Create the screen, draw, read keys and stop it on one
/// thread: the dashboard's run loop. Pollers hand it snapshots; they never touch the screen. (The
/// type is deliberately not `Sendable`.)
///
/// Run loop:
/// ```
/// let screen = try CursesScreen(options: ScreenOptions(color: colorOption, mouse: true))
/// defer { screen.stop() }
/// var frame = Buffer(area: screen.area)
/// while true {
///     if let signal = screen.takeSignal() { ... quit on .terminate, reload on .reload ... }
///     if let key = screen.readKey(timeout: .milliseconds(100)) { ... .resize: frame.resize(to: screen.area) }
///     ... render into frame (theme folded to screen.colorLevel, symbols screen.capabilities.symbols) ...
///     screen.draw(frame)
/// }
/// ```
public final class CursesScreen {
    /// What was detected (colour level capped at what the loaded terminfo can show).
    public private(set) var capabilities: TerminalCapabilities
    /// The terminfo entry in use (`TERM`, or its `-direct` sibling).
    public let terminalName: String
    /// Mouse reporting was asked for and the terminal accepted it.
    public private(set) var mouseEnabled = false

    var window: UnsafeMutablePointer<WINDOW>
    var screen: OpaquePointer
    var running = true
    let mapper: ColorMapper
    var pairs: PairTable
    /// The pair counted for each screen cell (row-major over the screen), for `pairs`' counts.
    var screenPairs: [Int32] = []
    var screenWidth = 0
    var previous: Buffer?
    var needsClear = true
    /// The first frame has taken ncurses out of its per-move flushing (see `draw`).
    var leftInitialState = false
    var currentTimeout: Int32 = -2
    var scratch: [cchar_t] = []
    var lookCache: [LookKey: Look] = [:]

    /// Sets the terminal up: locale, terminfo, colours, input modes, signal handlers.
    public init(options: ScreenOptions = ScreenOptions()) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesError.notATerminal }
        guard !ScreenLifecycle.active.exchange(true, ordering: .acquiringAndReleasing) else {
            throw CursesError.alreadyActive
        }
        let env = options.environment ?? ProcessInfo.processInfo.environment
        let codeset = CursesScreen.setUpLocale(environment: env)

        // Saved before ncurses changes anything, for the crash path.
        var saved = termios()
        let haveTermios = tcgetattr(STDOUT_FILENO, &saved) == 0

        let term = env["TERM"] ?? ""
        let before = TerminalCapabilities.detect(environment: env, codeset: codeset, color: options.color,
                                                 symbols: options.symbols)
        var chosen: (OpaquePointer, String)?
        if options.preferDirectColor, let direct = CursesScreen.directSibling(of: term, capabilities: before),
           let s = direct.withCString({ newterm($0, vigil_stdout(), vigil_stdin()) }) {
            chosen = (s, direct)
        }
        if chosen == nil, !term.isEmpty, let s = newterm(nil, vigil_stdout(), vigil_stdin()) {
            chosen = (s, term)
        }
        guard let (scr, name) = chosen, let win = vigil_stdscr() else {
            ScreenLifecycle.active.store(false, ordering: .releasing)
            throw CursesError.unknownTerminal(term)
        }
        screen = scr
        window = win
        terminalName = name

        // Colours.
        var defaultColors = false
        let hasColors = has_colors()
        if hasColors {
            _ = start_color()
            defaultColors = use_default_colors() == vigil_ok()
        }
        let rgb = "RGB".withCString { tigetflag($0) } > 0 || "RGB".withCString { tigetnum($0) } > 0
        let mode = PaletteMode(hasColors: hasColors, colors: Int(vigil_colors()), rgbFlag: rgb)
        var caps = TerminalCapabilities.detect(
            environment: env, terminfoColors: hasColors ? Int(vigil_colors()) : 0,
            terminfoDirect: mode == .direct, codeset: codeset, color: options.color, symbols: options.symbols)
        mapper = ColorMapper(mode: mode, level: caps.colorLevel, defaultColors: defaultColors)
        if mapper.level < caps.colorLevel {
            caps.reasons.append("colour: \(mapper.level) (all that terminfo for \(name) can address)")
            caps.colorLevel = mapper.level
        }
        capabilities = caps
        let zero = PairTable.Colors(fg: mapper.defaultNumber(foreground: true),
                                    bg: mapper.defaultNumber(foreground: false))
        pairs = PairTable(capacity: hasColors ? min(Int(vigil_color_pairs()) - 1, 65535) : 0, zero: zero)

        // Input.
        _ = cbreak()
        _ = noecho()
        _ = keypad(win, true)
        _ = intrflush(win, false)
        _ = leaveok(win, true)
        _ = curs_set(0)
        // Frames are drawn whole: no pausing an update to look for typed keys (a poll per update).
        _ = typeahead(-1)
        if env["ESCDELAY"] == nil { _ = set_escdelay(Int32(clamping: max(0, options.escapeDelayMilliseconds))) }
        if options.mouse {
            let masks = KeyDecoder.MouseMasks.ncurses
            var old: mmask_t = 0
            mouseEnabled = mousemask(mmask_t(masks.all), &old) != 0
            _ = mouseinterval(0)
        }

        // Every way out puts the terminal back.
        EmergencyRestore.publish(fd: STDOUT_FILENO, termios: haveTermios ? saved : nil,
                                 bytes: CursesScreen.restoreBytes(mouse: mouseEnabled))
        SignalTrap.install(hangup: options.hangup)
        ScreenLifecycle.registerExitHook()
    }

    deinit { stop() }

    /// Ends curses and puts the terminal back as it was. Safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        guard ScreenLifecycle.active.exchange(false, ordering: .acquiringAndReleasing) else { return }
        SignalTrap.uninstall()
        EmergencyRestore.withdraw()
        if mouseEnabled {
            var old: mmask_t = 0
            _ = mousemask(0, &old)
        }
        _ = endwin()
        delscreen(screen)
    }

    /// The screen's rectangle (origin 0,0); frames should be this size.
    public var area: Rect {
        guard running else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: 0, y: 0, width: max(0, Int(getmaxx(window))), height: max(0, Int(getmaxy(window))))
    }

    /// The colour level frames should be folded to.
    public var colorLevel: ColorLevel { mapper.level }

    /// The next `draw` clears the terminal and repaints every cell (Ctrl-L does this by itself).
    public func redraw() {
        needsClear = true
    }

    /// The oldest signal the run loop has not handled yet.
    public func takeSignal() -> ScreenSignal? {
        SignalTrap.take()
    }

    /// Sets `LC_ALL` from the environment; when that asks for UTF-8 but the locale is not installed,
    /// falls back to `C.UTF-8` for character handling. Returns the resulting codeset.
    static func setUpLocale(environment env: [String: String]) -> String? {
        _ = setlocale(LC_ALL, "")
        var codeset = vigil_codeset().map { String(cString: $0) }
        let wanted = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty }
        if let c = codeset, !TerminalCapabilities.namesUTF8(c), let w = wanted, TerminalCapabilities.namesUTF8(w),
           setlocale(LC_CTYPE, TerminalCapabilities.fallbackUTF8Locale) != nil {
            codeset = vigil_codeset().map { String(cString: $0) }
        }
        return codeset
    }

    /// `xterm-direct` for `xterm-256color` when the environment promises truecolor and no GNU screen sits
    /// in between; nil otherwise.
    static func directSibling(of term: String, capabilities: TerminalCapabilities) -> String? {
        guard capabilities.colorLevel == .truecolor, capabilities.multiplexer != .screen,
              term.hasSuffix("-256color") else { return nil }
        return String(term.dropLast("-256color".count)) + "-direct"
    }

    /// What `endwin` would send, for the crash path: attributes off, cursor on, keypad and mouse off,
    /// leave the alternate screen. Terminfo padding (`$<5>`) is dropped.
    static func restoreBytes(mouse: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx"] {
            if let s = cap.withCString({ vigil_tigetstr($0) }) { out += stripPadding(Array(String(cString: s).utf8)) }
        }
        if mouse { out += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        if let s = "rmcup".withCString({ vigil_tigetstr($0) }) { out += stripPadding(Array(String(cString: s).utf8)) }
        out += Array("\r\n".utf8)
        return out
    }

    /// Removes terminfo delay specifications (`$<…>`).
    static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
