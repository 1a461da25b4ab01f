import Testing
@testable import Terminal

@Suite struct UnitsTests {
    @Test(arguments: [
        (0.0, "0s"), (1.5e-9, "1.5ns"), (0.000123, "123µs"), (0.0123, "12.3ms"), (0.25, "250ms"),
        (1.234, "1.23s"), (59.99, "1m"), (90, "1.5m"), (3600, "1h"), (5400, "1.5h"), (86400, "1d"),
        (100000, "1.16d"), (-0.5, "-500ms"), (Double.nan, "NaN"), (Double.infinity, "+Inf"),
    ])
    func seconds(value: Double, text: String) {
        #expect(Units.format(value, .seconds) == text)
    }

    static let byteCases: [(Double, String, String)] = [
        (0, "0B", "0B"), (999, "999B", "999B"), (1000, "1000B", "1kB"), (1024, "1KiB", "1.02kB"),
        (1536, "1.5KiB", "1.54kB"), (1e9, "954MiB", "1GB"), (1.1e12, "1TiB", "1.1TB"), (1048576, "1MiB", "1.05MB"),
        (6192449487634432, "5.5PiB", "6.19PB"),
    ]

    @Test(arguments: byteCases)
    func bytes(value: Double, iec: String, si: String) {
        #expect(Units.format(value, .bytesIEC) == iec)
        #expect(Units.format(value, .bytesSI) == si)
    }

    @Test(arguments: [
        (0.0, "0"), (0.5, "0.5"), (0.00123, "0.00123"), (12.345, "12.3"), (999, "999"), (999.6, "1k"),
        (1234, "1.23k"), (1e6, "1M"), (2.5e9, "2.5G"), (7e12, "7T"), (-42, "-42"), (1e20, "100E"), (3e22, "30000E"),
    ])
    func counts(value: Double, text: String) {
        #expect(Units.format(value, .count) == text)
    }

    @Test func percentRatioAndRates() {
        #expect(Units.format(42.42, .percent) == "42.4%")
        #expect(Units.format(0.995, .ratio) == "99.5%")
        #expect(Units.format(1, .ratio) == "100%")
        #expect(Units.format(1234, .opsPerSecond) == "1.23k ops/s")
        #expect(Units.format(1234, .opsPerSecond, compact: true) == "1.23k/s")
        #expect(Units.format(2048, .bytesPerSecondIEC) == "2KiB/s")
        #expect(Units.format(2000, .bytesPerSecondSI) == "2kB/s")
    }

    @Test(arguments: [
        ("http_request_duration_seconds", false, Unit.seconds),
        ("http_request_duration_seconds_bucket", false, .seconds),
        ("http_request_duration_seconds_sum", true, .count),
        ("process_cpu_seconds_total", true, .count),
        ("process_cpu_seconds_total", false, .seconds),
        ("process_resident_memory_bytes", false, .bytesIEC),
        ("node_network_receive_bytes_total", true, .bytesPerSecondIEC),
        ("cache_hit_ratio", false, .ratio),
        ("disk_used_percent", false, .percent),
        ("http_requests_total", true, .opsPerSecond),
        ("http_requests_total", false, .count),
        ("http_request_duration_seconds_count", true, .opsPerSecond),
        ("process_start_time_seconds", false, .seconds),
        ("node_boot_timestamp_seconds", false, .count),
        ("up", false, .count),
    ])
    func inference(name: String, rated: Bool, unit: Unit) {
        #expect(Units.infer(metricName: name, rated: rated) == unit)
    }

    @Test func significantDigits() {
        #expect(Units.significant(0.1 + 0.2) == "0.3")
        #expect(Units.significant(1e-12) == "1e-12")
        #expect(Units.significant(123456789) == "123456789")
    }
}
