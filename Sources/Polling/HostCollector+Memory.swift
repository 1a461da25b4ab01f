/// Memory figures from /proc/meminfo, named as node_exporter names them
/// (`MemAvailable:` → `node_memory_MemAvailable_bytes`, `Active(anon)` → `Active_anon`).
extension HostCollector {
    func collectMemory(_ file: inout HostCollectorFile, into w: inout HostCollectorWriter) {
        guard file.load(procRoot + "/meminfo") else { return }
        var key: [UInt8] = []
        key.reserveCapacity(64)
        var p = 0
        lines: while let line = file.nextLine(&p) {
            var q = line.lowerBound
            guard let label = file.nextField(&q, in: line), file.bytes[label.upperBound - 1] == UInt8(ascii: ":"),
                  let number = file.nextField(&q, in: line), var v = file.number(number) else { continue }
            // `Active(anon)` → `Active_anon`; only letters, digits and `_` make a metric name.
            key.removeAll(keepingCapacity: true)
            for i in label.dropLast() {
                let b = file.bytes[i]
                switch b {
                case UInt8(ascii: "("): key.append(UInt8(ascii: "_"))
                case UInt8(ascii: ")"): continue
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    key.append(b)
                default: continue lines
                }
            }
            let kB = file.nextField(&q, in: line).map { file.field($0, is: "kB") } ?? false
            if kB { v *= 1024 }
            let suffix = kB ? "_bytes" : ""
            w.raw("# HELP node_memory_")
            w.raw(key[...])
            w.raw(suffix)
            w.raw(" Memory information field ")
            w.raw(key[...])
            w.raw(".\n# TYPE node_memory_")
            w.raw(key[...])
            w.raw(suffix)
            w.raw(" gauge\nnode_memory_")
            w.raw(key[...])
            w.raw(suffix)
            w.raw(" ")
            w.value(v)
            w.raw("\n")
        }
    }
}
