/// Per-interface traffic from /proc/net/dev, as node_exporter's netdev collector names it.
extension HostCollector {
    static let networkFamilies: [(name: String, help: String, column: Int)] = {
        let rx = ["bytes", "packets", "errs", "drop", "fifo", "frame", "compressed", "multicast"]
        let tx = ["bytes", "packets", "errs", "drop", "fifo", "colls", "carrier", "compressed"]
        var out: [(String, String, Int)] = []
        for (dir, names, offset) in [("receive", rx, 0), ("transmit", tx, 8)] {
            for (i, col) in names.enumerated() {
                out.append(("node_network_\(dir)_\(col)_total", "Network device statistic \(dir)_\(col).", offset + i))
            }
        }
        return out
    }()

    func collectNetwork(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/net/dev") else { return }
        var rows: [(device: [UInt8], values: [Double])] = []
        var p = 0
        var lineNumber = 0
        while let line = file.nextLine(&p) {
            lineNumber += 1
            guard lineNumber > 2,  // two header lines
                  let colon = line.first(where: { file.bytes[$0] == UInt8(ascii: ":") }) else { continue }
            // The name before the colon, without surrounding spaces and tabs.
            var start = line.lowerBound, end = colon
            while start < end && (file.bytes[start] == HostCollectorFile.space || file.bytes[start] == HostCollectorFile.tab) { start += 1 }
            while end > start && (file.bytes[end - 1] == HostCollectorFile.space || file.bytes[end - 1] == HostCollectorFile.tab) { end -= 1 }
            guard end > start else { continue }
            var values: [Double] = []
            values.reserveCapacity(16)
            var q = colon + 1
            while let f = file.nextField(&q, in: line) {
                if let v = file.number(f) { values.append(v) }
            }
            guard values.count >= 16 else { continue }
            rows.append((HostCollectorWriter.escapedLabelValue(file.string(start..<end)), values))
        }
        guard !rows.isEmpty else { return }
        for family in Self.networkFamilies {
            w.family(family.name, "counter", family.help)
            for row in rows {
                w.sample(family.name, [("device", row.device)], row.values[family.column])
            }
        }
    }
}
