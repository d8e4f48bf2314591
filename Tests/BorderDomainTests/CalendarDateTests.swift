import BorderDomain
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["1974-08-12", "2000-02-29", "2024-02-29", "0001-01-01", "9999-12-31"])
    func isoTextRoundTrips(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: [
        "1900-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "0000-01-01", "2024-1-01", "2024/01/01", "24-01-01", "2024-01-01T00:00", "",
    ])
    func isoTextRejectsDaysOutsideTheCalendar(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CalendarDate.isLeapYear(2000))
        #expect(CalendarDate.isLeapYear(2024))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(!CalendarDate.isLeapYear(2023))
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2400, month: 2, day: 29) != nil)
    }

    @Test func datesOrderByYearThenMonthThenDay() throws {
        let dates = try ["2024-10-20", "1974-08-12", "2024-02-29", "2024-10-02"].map {
            try #require(CalendarDate(iso: $0))
        }
        #expect(dates.sorted().map(\.description) == ["1974-08-12", "2024-02-29", "2024-10-02", "2024-10-20"])
    }

    @Test func codableUsesTheIsoString() throws {
        let date = try #require(CalendarDate(year: 1974, month: 8, day: 12))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["1974-08-12"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
    }

    @Test func decodingRefusesAnInvalidDay() {
        let json = Data(#"["2023-02-29"]"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: json)
        }
    }
}
