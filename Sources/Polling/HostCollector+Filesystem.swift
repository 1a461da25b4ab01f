import Foundation

/// Space and inodes of mounted file systems (from /proc/mounts and statvfs), as node_exporter's
/// filesystem collector names them; pseudo file systems are left out as it leaves them out.
extension HostCollector {
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
