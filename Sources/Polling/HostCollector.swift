import Foundation

/// Reads the local host's figures from /proc and /sys and writes them as node_exporter does
/// (same metric names and labels), so Vigil shows something useful with no config at all and
/// dashboards written for node_exporter work on it.
public struct HostCollector: Sendable {
    /// Roots of the proc and sys file systems (fixtures in tests).
    public let procRoot: String
    public let sysRoot: String

    public init(procRoot: String = "/proc", sysRoot: String = "/sys") {
        self.procRoot = procRoot
        self.sysRoot = sysRoot
    }

    /// One collection as a Prometheus text exposition. Parts whose files are missing are left out.
    /// Every file is read into one buffer and parsed as bytes (a poll a second must cost little).
    public func collect(now: Date = Date()) -> [UInt8] {
        var w = HostCollectorWriter()
        var file = HostCollectorFile()
        collectCPU(&file, into: &w)
        collectLoad(&file, into: &w)
        collectMemory(&file, into: &w)
        collectNetwork(&file, into: &w)
        collectDisks(&file, into: &w)
        collectFilesystems(&file, into: &w)
        w.family("node_time_seconds", "gauge", "System time in seconds since epoch (1970).")
        w.sample("node_time_seconds", now.timeIntervalSince1970)
        return w.bytes
    }
}
