import Config
import Testing

/// Prometheus duration syntax and byte sizes.
@Suite struct DurationAndSizeTests {
    static let durations: [(String, Int64?)] = [
        ("15s", 15_000), ("1h30m", 5_400_000), ("500ms", 500), ("1d", 86_400_000), ("1w", 604_800_000),
        ("1y", 31_536_000_000), ("0", 0), ("0s", 0), ("2h45m30s250ms", 9_930_250), ("90m", 5_400_000),
        ("1y2w3d4h5m6s7ms", 31_536_000_000 + 1_209_600_000 + 259_200_000 + 14_400_000 + 300_000 + 6000 + 7),
        ("", nil), ("15", nil), ("s", nil), ("1.5h", nil), ("-1s", nil), ("1m1h", nil), ("1s1s", nil),
        ("1x", nil), ("1 s", nil), ("1S", nil), ("99999999999999999999s", nil),
    ]

    @Test(arguments: durations)
    func parsesDurations(_ text: String, _ ms: Int64?) {
        switch PromDuration.parse(text) {
        case .success(let d): #expect(d.milliseconds == ms)
        case .failure: #expect(ms == nil)
        }
    }

    static let durationErrors: [(String, String)] = [
        ("1x", "unknown unit \"x\"; use ms, s, m, h, d, w or y"),
        ("1m1h", "units must go from largest to smallest, each at most once (like 1h30m)"),
        ("15", "missing unit after 15; use ms, s, m, h, d, w or y"),
        ("", "an empty duration; write for example 15s"),
        ("h", "expected a number at \"h\""),
    ]

    @Test(arguments: durationErrors)
    func durationErrorsExplain(_ text: String, _ reason: String) {
        if case .failure(let e) = PromDuration.parse(text) { #expect(e.reason == reason) } else { Issue.record("expected failure") }
    }

    static let rendered: [(Int64, String)] = [(5_400_000, "1h30m"), (15_000, "15s"), (500, "500ms"), (0, "0s"), (86_400_000, "1d")]

    @Test(arguments: rendered)
    func rendersDurations(_ ms: Int64, _ text: String) {
        #expect(PromDuration(milliseconds: ms).description == text)
    }

    static let sizes: [(String, Int64?)] = [
        ("512MiB", 536_870_912), ("1GB", 1_000_000_000), ("100KB", 100_000), ("1024", 1024), ("0", 0),
        ("1KiB", 1024), ("2GiB", 2_147_483_648), ("1TB", 1_000_000_000_000), ("1.5KiB", 1536), ("10B", 10),
        ("64kb", 64_000), ("1 MiB", 1_048_576),
        ("", nil), ("MiB", nil), ("12XB", nil), ("1.5", nil), ("-1", nil), ("1e3", nil), ("99999999TiB", nil),
    ]

    @Test(arguments: sizes)
    func parsesSizes(_ text: String, _ bytes: Int64?) {
        switch ByteSize.parse(text) {
        case .success(let s): #expect(s.bytes == bytes)
        case .failure: #expect(bytes == nil)
        }
    }

    @Test func rendersSizes() {
        #expect(ByteSize(bytes: 536_870_912).description == "512MiB")
        #expect(ByteSize(bytes: 1000).description == "1000B")
    }
}
