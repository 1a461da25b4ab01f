import Exposition
import Foundation
import Testing
@testable import Polling

@Suite struct HostCollectorTests {
    /// Builds a fake /proc from fixture text.
    static func procFixture() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("net"), withIntermediateDirectories: true)
        let files: [String: String] = [
            "stat": """
                cpu  62187 0 12454 215158 659 0 142 41 0 0
                cpu0 30120 0 5917 109158 112 0 19 22 0 0
                cpu1 32067 0 6537 106000 547 0 122 19 0 0
                intr 100 0 0
                ctxt 12345
                btime 1700000000
                processes 999
                procs_running 2
                procs_blocked 0

                """,
            "loadavg": "1.22 1.43 0.85 2/99 1757\n",
            "meminfo": "MemTotal:       24684092 kB\nMemAvailable:   24275736 kB\nActive(anon):     1000 kB\nHugePages_Total:       0\n",
            "net/dev": """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:   19538     519    0    0    0     0          0         0    19538     519    0    0    0     0       0          0
                  eth0: 1000 10 1 2 0 0 0 0 2000 20 0 0 0 0 0 0

                """,
            "diskstats": """
                   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                 254       0 vda 100 5 2000 30 50 6 800 40 0 60 70 0 0 0 0 0 0
                 254       1 vda1 90 5 1800 30 50 6 800 40 0 60 70 0 0 0 0 0 0

                """,
            "mounts": "/dev/vda / ext4 rw 0 0\nproc /proc proc rw 0 0\n",
        ]
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    static func samples(_ bytes: [UInt8]) throws -> [String: Double] {
        var parser = ExpositionParser(bytes: bytes, format: .prometheusText)
        var out: [String: Double] = [:]
        let printer = CanonicalPrinter(formatValue: { "\($0)" })
        while let e = try parser.next() {
            guard case .series = e else { continue }
            let line = printer.line(for: &parser)
            let key = String(line[..<line.lastIndex(of: " ")!])
            out[key] = parser.value
        }
        return out
    }

    @Test func fixtureIsReadAsNodeExporterWould() throws {
        let root = try Self.procFixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let s = try Self.samples(HostCollector(procRoot: root).collect(now: Date(timeIntervalSince1970: 5)))
        #expect(s["node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}"] == 301.2)
        #expect(s["node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"}"] == 1060)
        #expect(s["node_context_switches_total"] == 12345)
        #expect(s["node_boot_time_seconds"] == 1_700_000_000)
        #expect(s["node_load1"] == 1.22)
        #expect(s["node_memory_MemTotal_bytes"] == Double(24_684_092 * 1024))
        #expect(s["node_memory_Active_anon_bytes"] == Double(1000 * 1024))
        #expect(s["node_memory_HugePages_Total"] == 0)
        #expect(s["node_network_receive_bytes_total{device=\"eth0\"}"] == 1000)
        #expect(s["node_network_transmit_packets_total{device=\"eth0\"}"] == 20)
        #expect(s["node_network_receive_errs_total{device=\"eth0\"}"] == 1)
        #expect(s["node_disk_read_bytes_total{device=\"vda\"}"] == Double(2000 * 512))
        #expect(s["node_disk_io_time_seconds_total{device=\"vda\"}"] == 0.06)
        #expect(s["node_disk_read_bytes_total{device=\"vda1\"}"] == nil)
        #expect(s["node_disk_read_bytes_total{device=\"loop0\"}"] == nil)
        #expect(s["node_time_seconds"] == 5)
        #expect(s["node_filesystem_size_bytes{device=\"/dev/vda\",fstype=\"ext4\",mountpoint=\"/\"}"] != nil)
    }

    @Test func thisMachine() throws {
        let s = try Self.samples(HostCollector().collect())
        #expect(s.keys.contains { $0.hasPrefix("node_cpu_seconds_total{") })
        #expect(s["node_memory_MemTotal_bytes"] ?? 0 > 0)
        #expect(s["node_load1"] != nil)
    }

    @Test func missingFilesAreLeftOut() throws {
        let s = try Self.samples(HostCollector(procRoot: "/nonexistent").collect())
        #expect(Array(s.keys) == ["node_time_seconds"])
    }

    @Test(arguments: [("sda", false), ("sda1", true), ("vda", false), ("nvme0n1", false), ("nvme0n1p2", true),
                      ("mmcblk0", false), ("mmcblk0p1", true), ("dm-0", false)])
    func partitions(device: String, isPartition: Bool) {
        #expect(HostCollector.isPartition(device) == isPartition)
    }
}
