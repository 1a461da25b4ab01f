import Synchronization

/// The scheduler's whole target list when some sources' targets come from files: each source's
/// part is replaced on its own (a `FileSDWatcher`'s callback sets one part), and every change hands
/// the combined list, in the order parts were first set, to `apply` (usually `Scheduler.run`).
///
/// ```swift
/// let set = FileSDTargetSet { scheduler.run($0) }
/// set.set("static", staticTargets)
/// let watcher = FileSDWatcher(config: sd, onChange: { groups in
///     if let t = try? factory.targets(for: source, discovered: groups) { set.set(source.name, t) }
/// }, onError: { report($0.description) })
/// watcher.start()
/// ```
public final class FileSDTargetSet: Sendable {
    private struct State {
        var parts: [String: [PollTarget]] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    private let apply: @Sendable ([PollTarget]) -> Void
    /// One `apply` at a time, so the last call always carries the latest list.
    private let applying = Mutex(())

    public init(apply: @escaping @Sendable ([PollTarget]) -> Void) {
        self.apply = apply
    }

    /// Replaces one part and applies the combined list.
    public func set(_ part: String, _ targets: [PollTarget]) {
        applying.withLock { _ in
            let all = state.withLock { s -> [PollTarget] in
                if s.parts[part] == nil { s.order.append(part) }
                s.parts[part] = targets
                return s.order.flatMap { s.parts[$0] ?? [] }
            }
            apply(all)
        }
    }

    /// Every target of every part.
    public var targets: [PollTarget] { state.withLock { s in s.order.flatMap { s.parts[$0] ?? [] } } }
}
