import Glibc

/// Space and inodes of mounted file systems (from /proc/mounts and statvfs), as node_exporter's
/// filesystem collector names them; pseudo file systems are left out as it leaves them out.
extension HostCollector {
    static let ignoredFilesystemTypes: Set<String> = [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs",
        "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "rpc_pipefs",
        "securityfs", "selinuxfs", "squashfs", "sysfs", "tracefs", "tmpfs", "ramfs", "fuse.lxcfs",
    ]

    static let filesystemFamilies: [(name: String, help: String, value: @Sendable (statvfs) -> Double)] = [
        ("node_filesystem_size_bytes", "Filesystem size in bytes.", { Double($0.f_blocks) * Double($0.f_frsize) }),
        ("node_filesystem_free_bytes", "Filesystem free space in bytes.", { Double($0.f_bfree) * Double($0.f_frsize) }),
        ("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", { Double($0.f_bavail) * Double($0.f_frsize) }),
        ("node_filesystem_files", "Filesystem total file nodes.", { Double($0.f_files) }),
        ("node_filesystem_files_free", "Filesystem total free file nodes.", { Double($0.f_ffree) }),
        ("node_filesystem_readonly", "Filesystem read-only status.", { ($0.f_flag & UInt(ST_RDONLY)) != 0 ? 1 : 0 }),
    ]

    func collectFilesystems(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/mounts") else { return }
        var rows: [(labels: [(name: String, escaped: [UInt8])], stat: statvfs)] = []
        var seen: Set<String> = []
        var p = 0
        while let line = file.nextLine(&p) {
            let f = file.fields(line, limit: 3)
            guard f.count >= 3 else { continue }
            let fstype = file.string(f[2])
            if Self.ignoredFilesystemTypes.contains(fstype) { continue }
            let mountpoint = Self.unescapedMountpoint(file.bytes[f[1]])
            if mountpoint.hasPrefix("/proc") || mountpoint.hasPrefix("/sys") || mountpoint.hasPrefix("/dev/") { continue }
            guard seen.insert(mountpoint).inserted else { continue }
            var st = statvfs()
            guard statvfs(mountpoint, &st) == 0 else { continue }
            let device = file.string(f[0])
            rows.append(([("device", HostCollectorWriter.escapedLabelValue(device)),
                          ("fstype", HostCollectorWriter.escapedLabelValue(fstype)),
                          ("mountpoint", HostCollectorWriter.escapedLabelValue(mountpoint))], st))
        }
        guard !rows.isEmpty else { return }
        for family in Self.filesystemFamilies {
            w.family(family.name, "gauge", family.help)
            for row in rows {
                w.sample(family.name, row.labels, family.value(row.stat))
            }
        }
    }

    /// /proc/mounts writes a space in a path as `\040` and a tab as `\011`.
    static func unescapedMountpoint(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var i = field.startIndex
        while i < field.endIndex {
            if field[i] == UInt8(ascii: "\\"), i + 4 <= field.endIndex, field[i + 1] == UInt8(ascii: "0") {
                let code = (field[i + 2], field[i + 3])
                if code == (UInt8(ascii: "4"), UInt8(ascii: "0")) { out.append(UInt8(ascii: " ")); i += 4; continue }
                if code == (UInt8(ascii: "1"), UInt8(ascii: "1")) { out.append(UInt8(ascii: "\t")); i += 4; continue }
            }
            out.append(field[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
