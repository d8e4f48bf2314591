import Audit
import EventStore
import Foundation
import JSON
import Postgres
import TestSupport
import Testing

@Suite("Export for third parties")
struct ExportTests {
    @Test func everyLineVerifiesWithNothingButSHA256() throws {
        let connection = try TamperDetectionTests.tamperableLog(count: 12)
        var lines = [String]()

        try EventExport().export(on: connection) { lines.append($0) }

        #expect(lines.count == 12)
        var previous = Hex.encode(ChainHash.genesis)
        for line in lines {
            let json = try JSON.parse(Array(line.utf8))
            #expect(json["previousHash"]?.stringValue == previous)
            let bytes = Hex.decode(previous)! + Hex.decode(json["canonical"]!.stringValue!)!
            #expect(Hex.encode(SHA256.hash(bytes)) == json["hash"]?.stringValue)
            previous = json["hash"]!.stringValue!
        }
    }

    @Test func streamFilterKeepsChainLinks() throws {
        let connection = try TamperDetectionTests.tamperableLog(count: 12)
        var lines = [JSON]()

        try EventExport().export(from: 3, stream: "s1", on: connection) {
            lines.append(try! JSON.parse(Array($0.utf8)))
        }

        #expect(lines.map { $0["position"] } == [7, 12])
        #expect(lines.allSatisfy { $0["stream"] == "s1" })
    }
}
