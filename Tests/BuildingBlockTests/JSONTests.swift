import JSON
import Testing

@Suite("JSON through jansson")
struct JSONTests {
    @Test func serializedFormIsCompactWithSortedKeys() {
        let value: JSON = ["b": 1, "a": ["z": true, "y": nil], "c": ["x", 2]]

        #expect(value.serializedString() == #"{"a":{"y":null,"z":true},"b":1,"c":["x",2]}"#)
    }

    @Test func parseThenSerializeRoundTrips() throws {
        let text = #"{"mrz":["P<UTO","L898"],"n":-7,"r":1.5,"u":"Faleolo \u00e9"}"#

        let value = try JSON.parse(Array(text.utf8))

        #expect(value["n"] == -7)
        #expect(value["r"] == .double(1.5))
        #expect(value["u"] == "Faleolo é")
        #expect(try JSON.parse(value.serialized()) == value)
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: JSONError.self) { try JSON.parse(Array(#"{"a":1,"a":2}"#.utf8)) }
    }

    @Test func errorSaysWhereButDoesNotEchoInput() {
        let error = #expect(throws: JSONError.self) { try JSON.parse(Array(#"{"name": SECRETNAME}"#.utf8)) }

        #expect(error?.line == 1)
        #expect(error?.description.contains("SECRETNAME") == false)
    }

    @Test func stringsWithNulAndUnicodeSurvive() throws {
        let value: JSON = .string("a\u{0}b ✈︎")

        #expect(try JSON.parse(value.serialized()) == value)
    }
}
