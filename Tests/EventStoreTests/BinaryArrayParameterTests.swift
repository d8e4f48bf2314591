import Postgres
import TestSupport
import Testing

/// The append sends its columns as binary arrays; the server must read back exactly what was
/// written: NULLs, empty text, quotes and backslashes, empty arrays, negative integers.
@Suite("Binary array parameters")
struct BinaryArrayParameterTests {
    @Test func serverReadsBackEveryKindOfElement() throws {
        let connection = try TestDatabase(prefix: "binary").connect()
        var texts = PostgresBinaryArray(of: .text)
        for text in ["O\"BRIEN", "", nil, "back\\slash", "Zoë"] { texts.append(text) }
        var integers = PostgresBinaryArray(of: .int8)
        for integer: Int64 in [-1, 0, .max] { integers.append(integer) }
        var small = PostgresBinaryArray(of: .int4)
        small.append(Int32(-7))
        var bytes = PostgresBinaryArray(of: .bytea)
        bytes.append(bytes: [0, 0xff])
        var times = PostgresBinaryArray(of: .timestamptz)
        times.append(Int64(1_000_001))

        let rows = try connection.pipeline([
            .init(
                """
                SELECT $1::text[] IS NOT DISTINCT FROM ARRAY['O"BRIEN', '', NULL, 'back\\slash', 'Zoë'],
                    $2::bigint[]::text, $3::integer[]::text, $4::bytea[]::text,
                    $5::timestamptz[] = ARRAY[TIMESTAMPTZ '2000-01-01 00:00:01.000001+00'],
                    cardinality($6::text[]), $7::text
                """,
                binary: [
                    texts.bytes, integers.bytes, small.bytes, bytes.bytes, times.bytes,
                    PostgresBinaryArray(of: .text).bytes, Array("plain".utf8),
                ])
        ])[0]

        #expect(try rows[0].bool(0))
        #expect(try rows[0].string(1) == "{-1,0,9223372036854775807}")
        #expect(try rows[0].string(2) == "{-7}")
        #expect(try rows[0].string(3) == #"{"\\x00ff"}"#)
        #expect(try rows[0].bool(4))
        #expect(try rows[0].string(5) == "0")
        #expect(try rows[0].string(6) == "plain")
    }
}
