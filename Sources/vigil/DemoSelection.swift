import Config
import Demo
import Foundation
import Glibc
import Synchronization

/// The built-in demo as the config of a run that has no config file and no URL (`vigil`,
/// `vigil run --headless`, `vigil snapshot`). The demo starts once per process (a reload reuses
/// it); its rule file is written to a private folder and loaded from there like any user's, and its
/// config goes through the config loader, so both are validated the same way as a user's files.
enum DemoSelection {
    private static let shared = Mutex<Config?>(nil)
    /// Kept running for the life of the process.
    private static let running = Mutex<Demo?>(nil)

    /// The demo's config, starting the demo on first use.
    static func config() -> Result<Config, RunFailure> {
        shared.withLock { cached -> Result<Config, RunFailure> in
            if let cached { return .success(cached) }
            do {
                let demo = try Demo.start()
                let config = try demo.config(writingRulesInto: directory())
                running.withLock { $0 = demo }
                cached = config
                return .success(config)
            } catch {
                return .failure(RunFailure(description: "vigil: \(error)"))
            }
        }
    }

    /// `$XDG_RUNTIME_DIR/vigil-demo` (private to the user), else `vigil-demo-UID` in the temporary
    /// folder when that is a real folder of ours, else a fresh one.
    static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty, isOwnDirectory(runtime) {
            let dir = runtime + "/vigil-demo"
            if ensureOwnDirectory(dir) { return dir }
        }
        let tmp = FileManager.default.temporaryDirectory.path
        let dir = tmp + "/vigil-demo-\(getuid())"
        if ensureOwnDirectory(dir) { return dir }
        var template = Array((tmp + "/vigil-demo-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress, mkdtemp(base) != nil else { return dir }
            return String(cString: base)
        }
    }

    /// Creates `path` (mode 0700) if missing; true when it is then a folder (not a link) owned by us.
    private static func ensureOwnDirectory(_ path: String) -> Bool {
        if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        return isOwnDirectory(path)
    }

    private static func isOwnDirectory(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFDIR && st.st_uid == getuid()
    }
}
