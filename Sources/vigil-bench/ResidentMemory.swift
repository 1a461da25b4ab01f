import Foundation

/// Reads the process's resident memory from /proc, so memory figures are measured, not estimated.
enum ResidentMemory {
    /// VmRSS in bytes, or 0 where /proc is not available.
    static func bytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    /// Returns freed heap pages to the system so RSS reflects live data (glibc's malloc_trim).
    static func trim() {
        #if os(Linux)
        _ = vigilMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func vigilMallocTrim(_ pad: Int) -> Int32
#endif
