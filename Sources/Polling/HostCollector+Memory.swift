/// Memory figures from /proc/meminfo, named as node_exporter names them
/// (`MemAvailable:` → `node_memory_MemAvailable_bytes`, `Active(anon)` → `Active_anon`).
extension HostCollector {
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
