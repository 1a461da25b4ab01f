/// Per-interface traffic from /proc/net/dev, as node_exporter's netdev collector names it.
extension HostCollector {
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
