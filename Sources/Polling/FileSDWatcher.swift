import Config
import Foundation
import Glibc
import Synchronization

/// Watches the files a `file_sd` config's globs match and hands the current target groups to a
/// closure whenever they change.
///
/// Prometheus uses inotify plus a periodic refresh; Vigil checks every file's identity (device,
/// inode, size, modification time) every `checkInterval` (5 s) and re-reads everything every
/// `refresh_interval`. A file that is new or changed is read again; one that fails to read or parse
/// keeps its previous groups and its error is reported; one that disappears drops its groups.
public final class FileSDWatcher: Sendable {
    /// What identifies a file's content without reading it.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var mtimeSeconds: Int
        var mtimeNanoseconds: Int
    }

    private struct FileState {
        var stamp: Stamp?
        var groups: [FileSDGroup] = []
        var error: FileSDError?
    }

    private struct State {
        var files: [String: FileState] = [:]
        var published: [FileSDGroup]?
        var lastFullRead: ContinuousClock.Instant?
        var task: Task<Void, Never>?
    }

    public let config: FileSDConfig
    public let checkInterval: Duration
    private let onChange: @Sendable ([FileSDGroup]) -> Void
    private let onError: @Sendable (FileSDError) -> Void
    private let state = Mutex(State())
    /// One refresh at a time, so callbacks come in the order the scans ran.
    private let scanning = Mutex(())

    public init(config: FileSDConfig, checkInterval: Duration = .seconds(5),
                onChange: @escaping @Sendable ([FileSDGroup]) -> Void,
                onError: @escaping @Sendable (FileSDError) -> Void = { _ in }) {
        self.config = config
        self.checkInterval = checkInterval
        self.onChange = onChange
        self.onError = onError
    }

    deinit { state.withLock { $0.task?.cancel() } }

    /// Scans now and then every `checkInterval` until `stop()`.
    public func start() {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                self.refresh()
                let pause = self.checkInterval
                do { try await Task.sleep(for: pause) } catch { return }
            }
        }
        let old = state.withLock { s -> Task<Void, Never>? in
            defer { s.task = task }
            return s.task
        }
        old?.cancel()
    }

    public func stop() {
        state.withLock { s in
            s.task?.cancel()
            s.task = nil
        }
    }

    /// The groups of every file, in file name order.
    public var groups: [FileSDGroup] { state.withLock { Self.merged($0.files) } }

    /// The files that currently fail to read, with why.
    public var errors: [FileSDError] {
        state.withLock { s in s.files.keys.sorted().compactMap { s.files[$0]?.error } }
    }

    /// Checks the files once: reads those that changed (all of them when `force` or when the
    /// refresh interval has passed), calls `onError` for each new failure and `onChange` when the
    /// groups differ from those last handed out (always on the first scan). Returns the groups.
    @discardableResult
    public func refresh(force: Bool = false) -> [FileSDGroup] {
        scanning.withLock { _ in
            let now = ContinuousClock.now
            let refreshEvery = Duration.milliseconds(config.refreshInterval.milliseconds)
            let (files, fullRead) = state.withLock { s in
                (s.files, force || s.lastFullRead.map { now - $0 >= refreshEvery } ?? true)
            }
            var next: [String: FileState] = [:]
            var failures: [FileSDError] = []
            for path in Self.expand(config.files) where FileSDReader.isSupported(path) {
                let previous = files[path]
                guard let stamp = Self.stamp(path) else { continue }
                if !fullRead, let previous, previous.stamp == stamp {
                    next[path] = previous
                    continue
                }
                do throws(FileSDError) {
                    next[path] = FileState(stamp: stamp, groups: try FileSDReader.read(path))
                } catch {
                    // Keep what the file gave before; retry on the next change (stamp stays old).
                    next[path] = FileState(stamp: previous?.stamp, groups: previous?.groups ?? [], error: error)
                    if previous?.error != error || fullRead { failures.append(error) }
                }
            }
            let groups = Self.merged(next)
            let changed = state.withLock { s -> Bool in
                s.files = next
                if fullRead { s.lastFullRead = now }
                defer { s.published = groups }
                return s.published != groups
            }
            for f in failures { onError(f) }
            if changed { onChange(groups) }
            return groups
        }
    }

    private static func merged(_ files: [String: FileState]) -> [FileSDGroup] {
        files.keys.sorted().flatMap { files[$0]?.groups ?? [] }
    }

    /// The paths the globs match, sorted and without duplicates.
    static func expand(_ patterns: [String]) -> [String] {
        var out = Set<String>()
        for pattern in patterns {
            var g = glob_t()
            defer { globfree(&g) }
            guard glob(pattern, 0, nil, &g) == 0 else { continue }
            for i in 0..<Int(g.gl_pathc) {
                if let p = g.gl_pathv[i] { out.insert(String(cString: p)) }
            }
        }
        return out.sorted()
    }

    static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                     mtimeSeconds: st.st_mtim.tv_sec, mtimeNanoseconds: st.st_mtim.tv_nsec)
    }
}
