import Foundation
import Dispatch
import Glibc
import Synchronization

/// Resolves host names with `getaddrinfo` on a thread of its own so that a slow DNS server never
/// blocks the event loop or Swift's cooperative threads (on Linux, blocking inside a concurrent
/// dispatch queue starves the cooperative pool); the caller stops waiting at its deadline even when
/// `getaddrinfo` itself has not returned yet.
enum Resolver {
    /// Addresses for `host:port` in `getaddrinfo`'s order, or the error kind (`dns` or `timeout`).
    static func resolve(host: String, port: Int, deadline: MonotonicTime) async -> Result<[SocketAddress], HTTPError.Kind> {
        if let literal = SocketAddress(literal: host, port: port) { return .success([literal]) }
        let remaining = deadline.since(MonotonicTime.now())
        if remaining <= .zero { return .failure(.timeout) }
        let once = ResumeOnce<Result<[SocketAddress], HTTPError.Kind>>()
        return await withCheckedContinuation { (c: CheckedContinuation<Result<[SocketAddress], HTTPError.Kind>, Never>) in
            once.set(c)
            let thread = Thread { once.resume(lookup(host: host, port: port)) }
            thread.name = "vigil.dns"
            thread.start()
            let (s, atto) = remaining.components
            let ns = Int(clamping: s) &* 1_000_000_000 &+ Int(atto / 1_000_000_000)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(ns)) { once.resume(.failure(.timeout)) }
        }
    }

    /// Blocking `getaddrinfo` for TCP addresses.
    static func lookup(host: String, port: Int) -> Result<[SocketAddress], HTTPError.Kind> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &result)
        // -5 is glibc's EAI_NODATA, which the Glibc module does not export.
        guard rc == 0, let first = result else {
            let reason = rc == EAI_NONAME || rc == -5 ? "no such host" : String(cString: gai_strerror(rc)).lowercased()
            return .failure(.dns(host: host, reason: reason))
        }
        defer { freeaddrinfo(first) }
        var out: [SocketAddress] = []
        var p: UnsafeMutablePointer<addrinfo>? = first
        while let ai = p {
            if let sa = ai.pointee.ai_addr, ai.pointee.ai_family == AF_INET || ai.pointee.ai_family == AF_INET6 {
                out.append(SocketAddress(copying: sa, length: ai.pointee.ai_addrlen))
            }
            p = ai.pointee.ai_next
        }
        return out.isEmpty ? .failure(.dns(host: host, reason: "no such host")) : .success(out)
    }
}

/// Resumes a continuation exactly once, whichever of several racing events comes first; later
/// events are dropped. The mutex guards both the continuation and the pending value.
final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, Never>?
        var early: T?
        var done = false
    }

    private let state = Mutex(State())

    init() {}

    func set(_ c: CheckedContinuation<T, Never>) {
        let early: T? = state.withLock { s in
            if let e = s.early { s.early = nil; return e }
            s.continuation = c
            return nil
        }
        if let early { c.resume(returning: early) }
    }

    func resume(_ value: T) {
        let c: CheckedContinuation<T, Never>? = state.withLock { s in
            if s.done { return nil }
            s.done = true
            if let c = s.continuation { s.continuation = nil; return c }
            s.early = value
            return nil
        }
        c?.resume(returning: value)
    }
}
