import Postgres
import Projections
import Snapshots
import Testing

@Suite("Read-model snapshots kept")
struct ReadModelSnapshotsKeptTests {
    static func kept(on connection: PostgresConnection) throws -> [Int64] {
        try connection.query("SELECT position FROM read_model_snapshot_headers ORDER BY position").map {
            try $0.int64(0)
        }
    }

    @Test func takingOneMoreThanKeptRemovesTheOldestWithItsRows() throws {
        let (_, connection, live) = try ReadModelSnapshotTests.tenCrossings()
        let projector = Projector(projection: live, configuration: .init(batchSize: 3, snapshotsKept: 2))

        var taken = [ReadModelSnapshots.Taken]()
        while try projector.runBatch(on: connection) > 0 {
            taken.append(try #require(try projector.takeSnapshot(on: connection)))
        }
        let again = try projector.takeSnapshot(on: connection)

        #expect(taken.map(\.position) == [3, 6, 9, 10])
        #expect(taken.map(\.removed) == [0, 0, 1, 1])
        #expect(again?.isNew == false && again?.rows == 0)
        #expect(try Self.kept(on: connection) == [9, 10])
        let orphans = try connection.query(
            """
            SELECT count(*) FROM read_model_snapshot_rows
            WHERE snapshot NOT IN (SELECT id FROM read_model_snapshot_headers)
            """)
        #expect(try orphans[0].int64(0) == 0)
    }

    /// A snapshot holds the columns of the tables it was taken from; restored into tables that a
    /// later migration changed, it would leave the new columns empty.
    @Test func aSnapshotOfAnotherVersionOfTheReadModelIsNotRestoredAndIsRemovedByTheNext() throws {
        let (_, connection, live) = try ReadModelSnapshotTests.tenCrossings()
        let projector = Projector(projection: live, configuration: .init(batchSize: 5))
        _ = try projector.runBatch(on: connection)
        try projector.takeSnapshot(on: connection)
        try connection.execute("UPDATE read_model_snapshot_headers SET schema_version = schema_version - 1")

        let build = try ScratchBuild.build(live, upTo: 10, fromSnapshot: true, on: connection)
        defer { try? build.drop(on: connection) }
        _ = try projector.runBatch(on: connection)
        let next = try projector.takeSnapshot(on: connection)

        #expect(build.startedFrom == nil && build.applied == 10)
        #expect(next?.removed == 1)
        #expect(try Self.kept(on: connection) == [10])
    }
}
