import BorderTime
import Testing

@Suite("Timestamps and calendar days")
struct TimestampTests {
    @Test(arguments: [
        ("2024-10-20T15:30:00Z", 1_729_438_200_000_000 as Int64),
        ("2024-10-20T15:30:00.123456Z", 1_729_438_200_123_456),
        ("2024-10-21T04:30:00+13:00", 1_729_438_200_000_000),
        ("1969-12-31T23:59:59Z", -1_000_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
    ])
    func rfc3339ParsesToMicroseconds(text: String, microseconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.microseconds == microseconds)
    }

    @Test(arguments: [
        "2024-10-20", "2024-10-20 15:30:00Z", "2024-13-20T15:30:00Z", "2023-02-29T00:00:00Z", "2024-10-20T24:00:00Z",
        "2024-10-20T15:30:00", "2024-10-20T15:30:00.Z", "2024-10-20T15:30:00Zjunk", "",
    ])
    func malformedRFC3339IsRefused(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func descriptionRoundTrips() {
        for micros: Int64 in [0, 1_729_438_200_000_000, 1_729_438_200_000_001, -1, -86_400_000_000 * 400] {
            let timestamp = Timestamp(microseconds: micros)
            #expect(Timestamp(rfc3339: timestamp.description) == timestamp, "\(micros)")
        }
    }

    @Test(arguments: [
        (Int64(1_729_438_200_000_000), "2024-10-20T15:30:00Z"),
        (1_729_438_200_000_250, "2024-10-20T15:30:00.000250Z"),
        (-1, "1969-12-31T23:59:59.999999Z"),
        (-59_011_459_200_000_000, "0100-01-01T00:00:00Z"),
    ])
    func descriptionIsRFC3339WithZeroPadding(microseconds: Int64, text: String) {
        #expect(Timestamp(microseconds: microseconds).description == text)
    }

    @Test func civilDayIsTheUTCDay() {
        #expect(Timestamp(rfc3339: "2024-10-20T23:59:59Z")?.civilDay == CivilDay(year: 2024, month: 10, day: 20))
        #expect(Timestamp(microseconds: -1).civilDay == CivilDay(year: 1969, month: 12, day: 31))
    }

    @Test func civilDayParsesOnlyRealDates() {
        #expect(CivilDay(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CivilDay(iso: "2023-02-29") == nil)
        #expect(CivilDay(iso: "2024-2-9") == nil)
        #expect(CivilDay(iso: "0999-01-01")?.description == "0999-01-01")
    }

    /// Signs and spaces passed where two digits were expected: Int64("+1") reads 1.
    @Test(arguments: [
        "1980-+1-01", "1980-01-+1", "+980-01-01", "1980- 1-01", "1980-01-01 ", "1980/01/01", "١٩٨٠-01-01",
        "0000-01-01", "0000-12-31",
    ])
    func civilDayRefusesWhatIsNotTenASCIICharacters(text: String) {
        #expect(CivilDay(iso: text) == nil)
    }
}
