/// The outcome of `vigil test rules`: per file, the failures promtool would print, plus the
/// output itself in promtool's shape (`Unit Testing: FILE`, `  FAILED:` or `  SUCCESS`).
public struct RuleTestReport: Sendable {
    public enum Stream: Sendable, Hashable {
        case stdout
        case stderr
    }

    public struct FileResult: Sendable {
        public var file: String
        /// Failure messages, formatted as promtool formats them.
        public var errors: [String]
        /// Warnings printed before the tests ran (rule file patterns matching nothing).
        public var warnings: [String]
        /// Test cases not run, with the reason (native histograms).
        public var skipped: [String]

        public var passed: Bool { errors.isEmpty }
    }

    public var files: [FileResult]

    /// 0 when every file passed, 1 otherwise (promtool's exit codes).
    public var exitCode: Int32 { files.allSatisfy(\.passed) ? 0 : 1 }

    /// The output, in order, each chunk with the stream promtool writes it to.
    public var output: [(stream: Stream, text: String)] {
        var out: [(stream: Stream, text: String)] = []
        for f in files {
            out.append((.stdout, "Unit Testing:  \(f.file)\n"))
            for w in f.warnings { out.append((.stderr, "  WARNING: \(w)\n")) }
            if !f.skipped.isEmpty {
                out.append((.stderr, "  SKIPPED \(f.skipped.count) test case(s):\n"))
                for s in f.skipped { out.append((.stderr, "    \(s)\n")) }
            }
            if f.errors.isEmpty {
                out.append((.stdout, "  SUCCESS\n"))
            } else {
                out.append((.stderr, "  FAILED:\n"))
                for e in f.errors {
                    out.append((.stderr, e + "\n"))
                    out.append((.stdout, "\n"))
                }
            }
            out.append((.stdout, "\n"))
        }
        return out
    }

    /// All output of one stream, concatenated.
    public func text(_ stream: Stream) -> String {
        output.filter { $0.stream == stream }.map(\.text).joined()
    }
}
