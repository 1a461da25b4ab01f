/// Decides per notifier which alerts of an evaluation pass: every status change (a new firing,
/// a resolution, a restart with a new `startsAt`) and repeats after the policy's resend delay.
/// Memory is bounded: entries not seen for a while are forgotten, and the table has a size cap.
struct ResendFilter {
    struct Seen {
        var status: OutgoingAlert.Status
        var startsAt: Int64
        var passedAt: Int64
        var seenAt: Int64
    }

    let policy: DeliveryPolicy
    let capacity: Int
    private(set) var seen: [UInt64: Seen] = [:]
    private var newest: Int64 = .min
    private var lastPrune: Int64?

    /// How long an entry is kept after it was last seen: resolved alerts are re-sent by the
    /// rules for 15 minutes, firing ones every resend delay.
    static let forgetAfter: Int64 = 60 * 60_000

    init(policy: DeliveryPolicy, capacity: Int = 100_000) {
        self.policy = policy
        self.capacity = max(16, capacity)
    }

    mutating func pass(_ alerts: [OutgoingAlert]) -> [OutgoingAlert] {
        var out: [OutgoingAlert] = []
        out.reserveCapacity(alerts.count)
        for a in alerts {
            newest = max(newest, a.sentAt)
            guard var s = seen[a.fingerprint] else {
                seen[a.fingerprint] = Seen(status: a.status, startsAt: a.startsAt, passedAt: a.sentAt, seenAt: a.sentAt)
                out.append(a)
                continue
            }
            s.seenAt = max(s.seenAt, a.sentAt)
            let changed = s.status != a.status || s.startsAt != a.startsAt
            var due = false
            if let delay = policy.resendDelay, a.status == .firing || policy.repeatResolved {
                due = ResendFilter.elapsed(from: s.passedAt, to: a.sentAt) >= delay
            }
            if changed || due {
                s.status = a.status
                s.startsAt = a.startsAt
                s.passedAt = a.sentAt
                out.append(a)
            }
            seen[a.fingerprint] = s
        }
        prune()
        return out
    }

    private mutating func prune() {
        if seen.count > capacity {
            // Keep the most recently seen half.
            let keep = seen.sorted { $0.value.seenAt > $1.value.seenAt }.prefix(capacity / 2)
            seen = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
        guard newest != .min, lastPrune.map({ Self.elapsed(from: $0, to: newest) >= 60_000 }) ?? true else { return }
        lastPrune = newest
        let horizon = max(Self.forgetAfter, 2 * min(policy.resendDelay ?? 0, Int64.max / 4))
        let now = newest
        seen = seen.filter { Self.elapsed(from: $0.value.seenAt, to: now) <= horizon }
    }

    /// `to - from`, saturating instead of trapping on absurd times.
    static func elapsed(from: Int64, to: Int64) -> Int64 {
        let (d, overflow) = to.subtractingReportingOverflow(from)
        return overflow ? (to > from ? .max : .min) : d
    }
}
