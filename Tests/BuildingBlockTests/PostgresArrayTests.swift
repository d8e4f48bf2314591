import Postgres
import Testing

@Suite("Text-format arrays and hex")
struct PostgresArrayTests {
    @Test(arguments: [[], ["ANNA", "MARIA"], ["O\"BRIEN", "back\\slash", "a,b", "{x}", ""]])
    func literalThenParseRoundTrips(values: [String]) {
        #expect(PostgresArray.parse(PostgresArray.literal(values)) == values)
    }

    @Test func parsesUnquotedServerOutput() {
        #expect(PostgresArray.parse("{documentExpired,noRecordedArrival}") == ["documentExpired", "noRecordedArrival"])
        #expect(PostgresArray.parse("{}") == [])
    }

    @Test func hexRoundTrips() {
        let bytes: [UInt8] = [0, 1, 0x7f, 0x80, 0xff]
        #expect(Hex.encode(bytes) == "00017f80ff")
        #expect(Hex.decode("00017F80ff") == bytes)
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
