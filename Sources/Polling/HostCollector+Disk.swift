/// Block device I/O from /proc/diskstats, as node_exporter's diskstats collector names it.
/// Sectors are 512 bytes whatever the device's own sector size (the kernel's convention).
extension HostCollector {
    /// (column index after the device name, metric, help, scale)
    static let diskFamilies: [(column: Int, name: String, help: String, scale: Double)] = [
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

    func collectDisks(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/diskstats") else { return }
        var rows: [(device: [UInt8], values: [Double])] = []
        var p = 0
        while let line = file.nextLine(&p) {
            let f = file.fields(line)
            guard f.count >= 14 else { continue }
            let d = f[2]
            // node_exporter's default exclusion: loop, ram, partitions of nvme/sd/vd/xvd/mmcblk.
            if file.field(d, hasPrefix: "loop") || file.field(d, hasPrefix: "ram") || file.field(d, hasPrefix: "fd") { continue }
            let device = file.string(d)
            if Self.isPartition(device) { continue }
            var values: [Double] = []
            values.reserveCapacity(f.count - 3)
            for r in f[3...] {
                if let v = file.number(r) { values.append(v) }
            }
            rows.append((HostCollectorWriter.escapedLabelValue(device), values))
        }
        guard !rows.isEmpty else { return }
        for family in Self.diskFamilies {
            w.family(family.name, family.name.hasSuffix("_total") ? "counter" : "gauge", family.help)
            for row in rows where family.column < row.values.count {
                w.sample(family.name, [("device", row.device)], row.values[family.column] * family.scale)
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
