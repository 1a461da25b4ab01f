import Exposition
import Foundation

/// A program whose standard output is the data: an exposition, or a single number stored as
/// `<name> <value>`. Runs with an argument vector; `/bin/sh -c` only when the config asks.
public struct CommandSource: PollSource {
    public enum Format: Sendable { case exposition, number(metric: String) }

    public let argv: [String]
    public let format: Format
    public let outputLimit: Int

    public init(argv: [String], shell: Bool = false, format: Format = .exposition, outputLimit: Int = 16 << 20) {
        self.argv = shell ? ["/bin/sh", "-c", argv.joined(separator: " ")] : argv
        self.format = format
        self.outputLimit = outputLimit
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        let argv = self.argv, limit = outputLimit
        let outcome = await DedicatedThread.run(name: "vigil.command") { () throws(ChildProcess.Failure) in
            try ChildProcess.run(argv, deadline: deadline, outputLimit: limit)
        }
        let result: ChildProcess.Result
        switch outcome {
        case .success(let r): result = r
        case .failure(let e): throw PollError(e.description)
        }
        let program = argv.first ?? ""
        guard result.status == 0 else {
            let err = String(decoding: result.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PollError("\(program) exited with status \(result.status)" + (err.isEmpty ? "" : ": \(err)"))
        }
        switch format {
        case .exposition:
            return PollPayload(body: result.stdout)
        case .number(let metric):
            let text = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let v = Double(text) ?? Self.goSpecial(text) else {
                throw PollError("\(program) printed \"\(text.prefix(40))\", not a number")
            }
            var w = ExpositionWriter(capacity: 64)
            w.sample(metric, v)
            return PollPayload(body: w.bytes)
        }
    }

    private static func goSpecial(_ s: String) -> Double? {
        switch s.lowercased() {
        case "nan": return .nan
        case "+inf", "inf": return .infinity
        case "-inf": return -.infinity
        default: return nil
        }
    }

    /// A metric name from a source name: invalid characters become `_`.
    public static func metricName(for source: String) -> String {
        var out = String(source.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
        if let f = out.first, f.isNumber { out = "_" + out }
        return out.isEmpty ? "command_value" : out
    }
}
