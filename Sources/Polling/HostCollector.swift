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
    public func collect(now: Date = Date()) -> [UInt8] {
        var w = ExpositionWriter()
        collectCPU(into: &w)
        collectLoad(into: &w)
        collectMemory(into: &w)
        collectNetwork(into: &w)
        collectDisks(into: &w)
        collectFilesystems(into: &w)
        w.family("node_time_seconds", "gauge", "System time in seconds since epoch (1970).")
        w.sample("node_time_seconds", now.timeIntervalSince1970)
        return w.bytes
    }

    func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whitespace-separated fields of a line.
    static func fields(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    static func fields(_ line: String) -> [Substring] { fields(Substring(line)) }
}
