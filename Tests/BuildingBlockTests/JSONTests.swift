import JSON
import Testing

@Suite("JSON through jansson")
struct JSONTests {
    @Test func serializedFormIsCompactWithSortedKeys() {
        let value: JSON = ["b": 1, "a": ["z": true, "y": nil], "c": ["x", 2]]

        #expect(value.serializedString() == #"{"a":{"y":null,"z":true},"b":1,"c":["x",2]}"#)
    }

    @Test(arguments: [Int64.min, -10, -1, 0, 7, 10, 1_729_438_200_000_000, Int64.max])
    func integersPrintInDecimal(value: Int64) {
        #expect(JSON.int(value).serializedString() == String(value))
    }

    @Test func keysSortByTheirUTF8Bytes() {
        let value: JSON = ["é": 1, "z": 2, "Z": 3, "": 4, "ab": 5, "a": 6]

        #expect(value.serializedString() == #"{"":4,"Z":3,"a":6,"ab":5,"z":2,"é":1}"#)
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
