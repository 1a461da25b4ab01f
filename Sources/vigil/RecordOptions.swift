import Arguments
import Config
import Recording

/// `vigil run --record FILE [--record-max-size SIZE] [--record-keep N]`: the recording writer
/// the run's feed taps, or why the options are wrong.
enum RecordOptions {
    static let defaultMaxSize: Int64 = 256 << 20
    static let defaultKeep = 4

    /// The feed for the command line: `.poll`, or `.record` with an open writer.
    static func feed(_ args: ParsedArguments) -> Result<RuntimeFeed, UsageError> {
        guard let path = args.value("record") else {
            if args.value("record-max-size") != nil || args.value("record-keep") != nil {
                return .failure(UsageError("--record-max-size and --record-keep need --record FILE", command: "vigil"))
            }
            return .success(.poll)
        }
        var maxBytes = defaultMaxSize
        if let m = args.value("record-max-size") {
            guard case .success(let size) = ByteSize.parse(m), size.bytes >= 1024 else {
                return .failure(UsageError("invalid --record-max-size '\(m)' (at least 1KiB, e.g. 256MiB)", command: "vigil"))
            }
            maxBytes = size.bytes
        }
        var keep = defaultKeep
        if let k = args.value("record-keep") {
            guard let n = Int(k), n >= 0, n <= 1000 else {
                return .failure(UsageError("invalid --record-keep '\(k)' (0 to 1000 rotated files)", command: "vigil"))
            }
            keep = n
        }
        do {
            return .success(.record(try RecordWriter(path: path, maxBytes: maxBytes, keep: keep)))
        } catch {
            return .failure(UsageError("--record: \(error)", command: "vigil"))
        }
    }
}
