import Testing
import TimeSeries

/// Calendar arithmetic and RFC 3339 parsing shared by promtool timestamps, Alertmanager times
/// and `vigil replay --from`.
@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-11-29T13:01:27.5Z", Int64(1_795_957_287_500)),
        ("2000-02-29T23:59:59.999999Z", Int64(951_868_799_999)),
        ("1969-12-31T23:59:59Z", Int64(-1000)),
        ("2024-05-01T14:00:03+02:00", Int64(1_714_564_803_000)),
        ("2024-05-01t12:00:03z", Int64(1_714_564_803_000)),
    ])
    func parses(_ text: String, _ ms: Int64) {
        #expect(CivilDate.parseRFC3339(text) == ms)
    }

    @Test(arguments: ["", "2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T00:00:00",
                      "2024-05-01T00:00:00.Z", "2024-05-01T00:00:00+2:00", "2024-05-01T00:00:00Zjunk",
                      "2024-05-01T00:00:60Z", "2024-05-01T00:00:00+24:00"])
    func rejects(_ text: String) {
        #expect(CivilDate.parseRFC3339(text) == nil)
    }

    @Test func optionsWidenWhatIsAccepted() {
        #expect(CivilDate.parseRFC3339("2016-12-31T23:59:60Z", leapSecond: true) == 1_483_228_800_000)
        #expect(CivilDate.parseRFC3339("2024-05-01T00:00:00+24:00", offsetBounds: false) != nil)
    }

    @Test func daysRoundTrip() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = CivilDate.civilFromDays(days)
            #expect(CivilDate.daysFromCivil(y, m, d) == days)
        }
        #expect(CivilDate.civilFromDays(0) == (1970, 1, 1))
        #expect(CivilDate.civilFromDays(11_016) == (2000, 2, 29))
    }
}
