import Foundation
import Testing
import TimeSeries
@testable import Polling

/// The byte parser against the Foundation one it replaced (`LegacyHostCollector`): the same
/// exposition, byte for byte, on fixtures with awkward lines and on a copy of this machine's /proc.
@Suite struct HostCollectorParityTests {
    static let procFiles = ["stat", "loadavg", "meminfo", "net/dev", "diskstats", "mounts"]

    /// Writes `files` under a fresh folder; returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("net"), withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir.path
    }

    /// The exposition's lines, with the values of file system figures that change from one
    /// statvfs to the next (free space and inodes of a live disk) cut off.
    static func comparable(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("node_filesystem_"), let space = line.lastIndex(of: " ") { return String(line[..<space]) }
            return String(line)
        }
    }

    static func expectSame(_ root: String) {
        let now = Date(timeIntervalSince1970: 1_700_000_123.25)
        let old = comparable(LegacyHostCollector(procRoot: root).collect(now: now))
        let new = comparable(HostCollector(procRoot: root).collect(now: now))
        #expect(new.count == old.count)
        for (i, (a, b)) in zip(new, old).enumerated() where a != b {
            Issue.record("line \(i + 1): new \(a.debugDescription), old \(b.debugDescription)")
            break
        }
    }

    @Test func nodeExporterFixture() throws {
        let root = try HostCollectorTests.procFixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.expectSame(root)
    }

    @Test func awkwardFixture() throws {
        let root = try Self.folder([
            "stat": "cpu  1 2 3\ncpu0\t30120 x 5917 109158 112 0 19 22 0 0\ncpu1 1 2\ncpuX 5 5 5 5 5 5 5 5 5 5\n"
                + "intr 123456789012345678 1 2 3\nctxt 1.5e3\nctxt 77\nbtime\nprocesses -4\nprocs_running +2\n\n\n",
            "loadavg": "0.00 10.50 123456.789 1/1 1\n",
            "meminfo": "MemTotal:       99999999999 kB\nWeird(x)y:  5 kB\nBad-Name:  1 kB\nÜber:  3 kB\n:  4\n"
                + "NoColon 5 kB\nHugePages_Total:       0\nDirectMap4k:  0.5 MB\nHuge:  123456789012345678901 kB\n",
            "net/dev": "h1\nh2\n  eth0: " + (1...16).map(String.init).joined(separator: " ") + "\n"
                + "\tbr-x y:\t" + (1...16).map { String($0 * 1_000_001) }.joined(separator: "\t") + "\n"
                + "   : " + (1...16).map(String.init).joined(separator: " ") + "\nshort: 1 2 3\nno colon here\n",
            "diskstats": " 8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14\n 8 1 sda1 1 2 3 4 5 6 7 8 9 10 11\n"
                + " 259 0 nvme0n1 9999999 0 123456789 4 5 6 7 8 9 10 11\n 259 1 nvme0n1p1 1 1 1 1 1 1 1 1 1 1 1\n"
                + " 1 0 ram0 1 1 1 1 1 1 1 1 1 1 1\n 253 0 dm-\"0\\ 1 2 3 4 5 6 7 8 x 10 11\n 7 0 loop1 1 1 1 1 1 1 1 1 1 1 1\n",
            "mounts": "/dev/root / ext4 rw 0 0\n/dev/root /ro\\040dir ext4 ro 0 0\ntmpfs /tmp tmpfs rw 0 0\n"
                + "/dev/x / ext4 rw 0 0\nproc /proc proc rw 0 0\nshort line\n/dev/vdb /mnt\\011tab\\0 xfs rw 0 0\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.expectSame(root)
    }

    @Test func thisMachinesProc() throws {
        var files: [String: String] = [:]
        for name in Self.procFiles {
            if let data = FileManager.default.contents(atPath: "/proc/" + name) { files[name] = String(decoding: data, as: UTF8.self) }
        }
        let root = try Self.folder(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.expectSame(root)
    }

    @Test func emptyAndMissingFiles() throws {
        let root = try Self.folder(Dictionary(uniqueKeysWithValues: Self.procFiles.map { ($0, "") }))
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.expectSame(root)
        Self.expectSame("/nonexistent")
        Self.expectSame("/proc/self/fd")  // a folder: every file fails to read
    }

    @Test(arguments: [0.0, 1, 7, 999_999, 1_000_000, 1_000_001, 1_234_567, 25_276_510_208, 1e15, 123_456_789_012_345,
                      9_007_199_254_740_991, 9_007_199_254_740_992, 1e21, 1e22, -1, -1_500_000, -0.0, 0.5, 301.2, 1e-7,
                      .nan, .infinity, -.infinity, 4_503_599_627_370_497])
    func valuesAreWrittenAsGoFloatWritesThem(value: Double) {
        var w = HostCollectorWriter()
        w.value(value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == GoFloat.format(value))
    }

    @Test func wholeNumbersAreWrittenAsGoFloatWritesThem() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...16, using: &rng)
            var n = Int64.random(in: 0..<Int64(pow(10, Double(min(digits, 15)))), using: &rng)
            if Bool.random(using: &rng) { n = (n / 1000) * 1000 }
            let v = Double(n) * (Bool.random(using: &rng) ? 1 : 1024)
            var w = HostCollectorWriter()
            w.value(v)
            let mine = String(decoding: w.bytes, as: UTF8.self)
            if mine != GoFloat.format(v) {
                Issue.record("\(v): \(mine) vs \(GoFloat.format(v))")
                return
            }
        }
    }
}
