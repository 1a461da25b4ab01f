import Foundation
@testable import Polling

/// The host collector as it was before it parsed bytes (Foundation strings, split and replace per
/// line), kept as the reference the byte parser must agree with, byte for byte.
struct LegacyHostCollector: Sendable {
    /// Roots of the proc and sys file systems (fixtures in tests).
    let procRoot: String
    let sysRoot: String

    init(procRoot: String = "/proc", sysRoot: String = "/sys") {
        self.procRoot = procRoot
        self.sysRoot = sysRoot
    }

    /// One collection as a Prometheus text exposition. Parts whose files are missing are left out.
    func collect(now: Date = Date()) -> [UInt8] {
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

/// CPU time, context switches, boot time and process counts from /proc/stat.
extension LegacyHostCollector {
    /// Kernel clock ticks per second (USER_HZ), 100 on every Linux architecture Vigil runs on.
    static let userHZ = 100.0

    func collectCPU(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/stat") else { return }
        let modes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]
        var cpuLines: [(String, [Double])] = []
        var scalars: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let f = Self.fields(line)
            guard let key = f.first else { continue }
            if key.hasPrefix("cpu") && key != "cpu" {
                cpuLines.append((String(key.dropFirst(3)), f.dropFirst().compactMap { Double($0) }))
            } else if f.count >= 2, let v = Double(f[1]) {
                scalars[String(key)] = v
            }
        }
        if !cpuLines.isEmpty {
            w.family("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.")
            for (cpu, values) in cpuLines {
                for (i, mode) in modes.enumerated() where i < values.count {
                    w.sample("node_cpu_seconds_total", ["cpu": cpu, "mode": mode], values[i] / Self.userHZ)
                }
            }
        }
        let named: [(String, String, String, String)] = [
            ("ctxt", "node_context_switches_total", "counter", "Total number of context switches."),
            ("intr", "node_intr_total", "counter", "Total number of interrupts serviced."),
            ("processes", "node_forks_total", "counter", "Total number of forks."),
            ("btime", "node_boot_time_seconds", "gauge", "Node boot time, in unixtime."),
            ("procs_running", "node_procs_running", "gauge", "Number of processes in runnable state."),
            ("procs_blocked", "node_procs_blocked", "gauge", "Number of processes blocked waiting for I/O to complete."),
        ]
        for (key, name, type, help) in named {
            if let v = scalars[key] {
                w.family(name, type, help)
                w.sample(name, v)
            }
        }
    }

    func collectLoad(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/loadavg") else { return }
        let f = Self.fields(text)
        guard f.count >= 3 else { return }
        for (i, n) in ["1", "5", "15"].enumerated() {
            guard let v = Double(f[i]) else { continue }
            w.family("node_load\(n)", "gauge", "\(n)m load average.")
            w.sample("node_load\(n)", v)
        }
    }
}

/// Memory figures from /proc/meminfo, named as node_exporter names them
/// (`MemAvailable:` → `node_memory_MemAvailable_bytes`, `Active(anon)` → `Active_anon`).
extension LegacyHostCollector {
    func collectMemory(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/meminfo") else { return }
        for line in text.split(separator: "\n") {
            let f = Self.fields(line)
            guard f.count >= 2, f[0].hasSuffix(":"), var v = Double(f[1]) else { continue }
            var key = String(f[0].dropLast())
            key = key.replacingOccurrences(of: "(", with: "_").replacingOccurrences(of: ")", with: "")
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { continue }
            let name: String
            if f.count >= 3 && f[2] == "kB" {
                v *= 1024
                name = "node_memory_\(key)_bytes"
            } else {
                name = "node_memory_\(key)"
            }
            w.family(name, "gauge", "Memory information field \(key).")
            w.sample(name, v)
        }
    }
}

/// Per-interface traffic from /proc/net/dev, as node_exporter's netdev collector names it.
extension LegacyHostCollector {
    func collectNetwork(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/net/dev") else { return }
        let columns = ["bytes", "packets", "errs", "drop", "fifo", "frame", "compressed", "multicast"]
        let txColumns = ["bytes", "packets", "errs", "drop", "fifo", "colls", "carrier", "compressed"]
        var rows: [(String, [Double])] = []
        for line in text.split(separator: "\n").dropFirst(2) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let device = line[..<colon].trimmingCharacters(in: .whitespaces)
            let values = Self.fields(line[line.index(after: colon)...]).compactMap { Double($0) }
            guard values.count >= 16, !device.isEmpty else { continue }
            rows.append((device, values))
        }
        guard !rows.isEmpty else { return }
        for (dir, names, offset) in [("receive", columns, 0), ("transmit", txColumns, 8)] {
            for (i, col) in names.enumerated() {
                let name = "node_network_\(dir)_\(col)_total"
                w.family(name, "counter", "Network device statistic \(dir)_\(col).")
                for (device, values) in rows {
                    w.sample(name, ["device": device], values[offset + i])
                }
            }
        }
    }
}

/// Block device I/O from /proc/diskstats, as node_exporter's diskstats collector names it.
/// Sectors are 512 bytes whatever the device's own sector size (the kernel's convention).
extension LegacyHostCollector {
    func collectDisks(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/diskstats") else { return }
        var rows: [(String, [Double])] = []
        for line in text.split(separator: "\n") {
            let f = Self.fields(line)
            guard f.count >= 14 else { continue }
            let device = String(f[2])
            // node_exporter's default exclusion: loop, ram, partitions of nvme/sd/vd/xvd/mmcblk.
            if device.hasPrefix("loop") || device.hasPrefix("ram") || device.hasPrefix("fd") { continue }
            if Self.isPartition(device) { continue }
            rows.append((device, f[3...].compactMap { Double($0) }))
        }
        guard !rows.isEmpty else { return }
        // (column index after the device name, metric, help, scale)
        let metrics: [(Int, String, String, Double)] = [
            (0, "node_disk_reads_completed_total", "The total number of reads completed successfully.", 1),
            (1, "node_disk_reads_merged_total", "The total number of reads merged.", 1),
            (2, "node_disk_read_bytes_total", "The total number of bytes read successfully.", 512),
            (3, "node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", 0.001),
            (4, "node_disk_writes_completed_total", "The total number of writes completed successfully.", 1),
            (5, "node_disk_writes_merged_total", "The number of writes merged.", 1),
            (6, "node_disk_written_bytes_total", "The total number of bytes written successfully.", 512),
            (7, "node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.", 0.001),
            (8, "node_disk_io_now", "The number of I/Os currently in progress.", 1),
            (9, "node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", 0.001),
            (10, "node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.", 0.001),
        ]
        for (col, name, help, scale) in metrics {
            w.family(name, name.hasSuffix("_total") ? "counter" : "gauge", help)
            for (device, values) in rows where col < values.count {
                w.sample(name, ["device": device], values[col] * scale)
            }
        }
    }

    /// `sda1`, `vda2`, `nvme0n1p1`, `mmcblk0p1`: partitions, whose I/O is counted on their disk.
    static func isPartition(_ device: String) -> Bool {
        for prefix in ["sd", "vd", "xvd", "hd"] where device.hasPrefix(prefix) {
            return device.last?.isNumber == true
        }
        if device.hasPrefix("nvme") || device.hasPrefix("mmcblk") {
            guard let p = device.lastIndex(of: "p") else { return false }
            let tail = device[device.index(after: p)...]
            return !tail.isEmpty && tail.allSatisfy(\.isNumber)
        }
        return false
    }
}


/// Space and inodes of mounted file systems (from /proc/mounts and statvfs), as node_exporter's
/// filesystem collector names them; pseudo file systems are left out as it leaves them out.
extension LegacyHostCollector {
    static let ignoredFilesystemTypes: Set<String> = [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs",
        "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "rpc_pipefs",
        "securityfs", "selinuxfs", "squashfs", "sysfs", "tracefs", "tmpfs", "ramfs", "fuse.lxcfs",
    ]

    func collectFilesystems(into w: inout ExpositionWriter) {
        guard let text = read(procRoot + "/mounts") else { return }
        var rows: [(device: String, mountpoint: String, fstype: String, stat: statvfs)] = []
        var seen: Set<String> = []
        for line in text.split(separator: "\n") {
            let f = Self.fields(line)
            guard f.count >= 3 else { continue }
            let device = String(f[0]), fstype = String(f[2])
            // /proc/mounts escapes spaces and tabs in paths as octal.
            let mountpoint = String(f[1]).replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\011", with: "\t")
            if Self.ignoredFilesystemTypes.contains(fstype) { continue }
            if mountpoint.hasPrefix("/proc") || mountpoint.hasPrefix("/sys") || mountpoint.hasPrefix("/dev/") { continue }
            guard seen.insert(mountpoint).inserted else { continue }
            var st = statvfs()
            guard statvfs(mountpoint, &st) == 0 else { continue }
            rows.append((device, mountpoint, fstype, st))
        }
        guard !rows.isEmpty else { return }
        let metrics: [(String, String, (statvfs) -> Double)] = [
            ("node_filesystem_size_bytes", "Filesystem size in bytes.", { Double($0.f_blocks) * Double($0.f_frsize) }),
            ("node_filesystem_free_bytes", "Filesystem free space in bytes.", { Double($0.f_bfree) * Double($0.f_frsize) }),
            ("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", { Double($0.f_bavail) * Double($0.f_frsize) }),
            ("node_filesystem_files", "Filesystem total file nodes.", { Double($0.f_files) }),
            ("node_filesystem_files_free", "Filesystem total free file nodes.", { Double($0.f_ffree) }),
            ("node_filesystem_readonly", "Filesystem read-only status.", { ($0.f_flag & UInt(ST_RDONLY)) != 0 ? 1 : 0 }),
        ]
        for (name, help, value) in metrics {
            w.family(name, "gauge", help)
            for r in rows {
                w.sample(name, ["device": r.device, "fstype": r.fstype, "mountpoint": r.mountpoint], value(r.stat))
            }
        }
    }
}
