import Foundation
import Glibc
import Terminal
import Testing
@testable import Curses

/// Not a test on its own: `CursesEndToEndTests` runs this test binary inside tmux with
/// `VIGIL_CURSES_HOST` set to a log path, and this then drives a real `CursesScreen` there (a test
/// executable would need a Package.swift change). Without the variable it returns at once.
@Test func cursesScreenHost() throws {
    let env = ProcessInfo.processInfo.environment
    guard let logPath = env["VIGIL_CURSES_HOST"] else { return }
    try CursesScreenHostProgram(logPath: logPath, environment: env).run()
}

/// The program `cursesScreenHost` runs: a small screen showing the last key, the size and coloured,
/// wide and combining text; it logs what it sees to a file the tmux side reads.
final class CursesScreenHostProgram {
    let log: UnsafeMutablePointer<FILE>?
    let env: [String: String]

    init(logPath: String, environment: [String: String]) {
        log = fopen(logPath, "a")
        env = environment
    }

    deinit { if let log { fclose(log) } }

    func note(_ line: String) {
        guard let log else { return }
        fputs(line + "\n", log)
        fflush(log)
    }

    func run() throws {
        let hangup: HangupAction = env["VIGIL_CURSES_HOST_HUP"] == "reload" ? .reload : .terminate
        let stuck = env["VIGIL_CURSES_HOST_STUCK"] != nil
        let screen = try CursesScreen(options: ScreenOptions(mouse: true, hangup: hangup))
        note("pid \(getpid())")
        note("level \(screen.colorLevel) symbols \(screen.capabilities.symbols.rawValue) term \(screen.terminalName)")
        if let n = env["VIGIL_CURSES_HOST_BENCH"].flatMap(Int.init) { bench(screen, frames: n) }
        if env["VIGIL_CURSES_HOST_WRITES"] != nil { countWrites(screen) }
        var lastKey = "none"
        var reloads = 0
        var frame = Buffer(area: screen.area)
        let deadline = ContinuousClock.now + .seconds(60)
        loop: while ContinuousClock.now < deadline {
            if !stuck, let signal = screen.takeSignal() {
                switch signal {
                case .terminate(let n):
                    note("signal terminate \(n)")
                    break loop
                case .reload:
                    reloads += 1
                    note("reload")
                }
            }
            if let key = screen.readKey(timeout: .milliseconds(50)) {
                lastKey = CursesScreenHostProgram.describe(key)
                note("key \(lastKey)")
                switch key {
                case .resize: frame.resize(to: screen.area)
                case .character("q"): break loop
                case .character("c"):
                    // A real fault, not a raised signal.
                    let bad = UnsafeMutablePointer<Int>(bitPattern: 16)
                    bad?.pointee = 1
                case .character("a"): abort()
                case .character("e"): exit(3)  // no stop(): the atexit hook must end curses
                default: break
                }
            }
            render(into: &frame, lastKey: lastKey, reloads: reloads)
            screen.draw(frame)
        }
        screen.stop()
        note("stopped")
    }

    /// Draws `frames` frames in which every cell changes (braille glyphs in RGB colours), and logs
    /// the time per frame: the cost of a worst-case diff through ncurses to the terminal.
    func bench(_ screen: CursesScreen, frames: Int) {
        var frame = Buffer(area: screen.area)
        let clock = ContinuousClock()
        let start = clock.now
        for f in 0..<frames {
            for y in 0..<frame.area.height {
                for x in 0..<frame.area.width {
                    let v = (x &* 7 &+ y &* 13 &+ f &* 31) & 0xFF
                    frame.setGlyph(Symbols.braille[v], x: x, y: y,
                                   style: Style(fg: .rgb(UInt8(v), UInt8(255 - v), UInt8((v * 3) & 0xFF))))
                }
            }
            screen.draw(frame)
        }
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        note("bench \(frames) frames \(frame.area.width)x\(frame.area.height) level \(screen.colorLevel): \(ms / Double(max(1, frames))) ms/frame")
    }

    /// Draws frames that each change cells scattered over every row (a cursor move per change) and
    /// logs the most `write` calls one frame took (`syscw` in /proc/self/io), after the first frame.
    func countWrites(_ screen: CursesScreen) {
        var frame = Buffer(area: screen.area)
        screen.draw(frame)
        var most = 0
        for f in 1...10 {
            for i in 0..<60 {
                let x = (i &* 37 &+ f &* 11) % max(1, frame.area.width)
                let y = i % max(1, frame.area.height)
                frame.setString(String(f % 10), x: x, y: y, style: Style(fg: .indexed(UInt8(16 + (i + f) % 200))))
            }
            let before = CursesScreenHostProgram.writeCalls()
            screen.draw(frame)
            most = max(most, CursesScreenHostProgram.writeCalls() - before)
        }
        note("writes per frame at most \(most)")
    }

    /// This process's `write` calls so far (`syscw` in /proc/self/io); -1 when unreadable.
    static func writeCalls() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return -1 }
        for line in text.split(separator: "\n") where line.hasPrefix("syscw:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1
        }
        return -1
    }

    func render(into frame: inout Buffer, lastKey: String, reloads: Int) {
        let area = frame.area
        frame.reset()
        frame.setString("vigil curses e2e", x: 0, y: 0, style: Style(add: .bold))
        frame.setString("wide:中文|e\u{301}|⣿▇|", x: 0, y: 1)
        frame.setString("key: \(lastKey)", x: 0, y: 2)
        frame.setString("size \(area.width)x\(area.height) reloads \(reloads)", x: 0, y: 3)
        var x = frame.setString("RED", x: 0, y: 4, style: Style(fg: .rgb(255, 0, 0)))
        x = frame.setString(" ", x: x, y: 4)
        x = frame.setString("BLUEBG", x: x, y: 4, style: Style(bg: .blue))
        x = frame.setString(" ", x: x, y: 4)
        frame.setString("IDX46", x: x, y: 4, style: Style(fg: .indexed(46), add: .underline))
        frame.setString("Z", x: area.width - 1, y: area.height - 1)
    }

    static func describe(_ key: Key) -> String {
        switch key {
        case .character(let c): return "char \(c)"
        case .ctrl(let c): return "ctrl \(c)"
        case .function(let n): return "F\(n)"
        case .mouse(let m):
            switch m.kind {
            case .press(let b): return "mouse press \(b) \(m.x),\(m.y)"
            case .wheelUp: return "mouse wheelUp \(m.x),\(m.y)"
            case .wheelDown: return "mouse wheelDown \(m.x),\(m.y)"
            }
        case .unknown(let code): return "unknown \(code)"
        default: return "\(key)"
        }
    }
}
