import Postgres
import Projections
import Testing

/// What `border project <name> --verify` checks: the live read model, up to its checkpoint,
/// equals a scratch rebuild from the log, table by table.
func expectRebuildEqualsLive(_ projection: any Projection, on connection: PostgresConnection) throws {
    let head = try Projector(projection: projection).checkpoint(on: connection)

    let scratch = try ScratchBuild.build(projection, upTo: head, on: connection)
    defer { try? scratch.drop(on: connection) }

    let live = try projection.checksums(on: connection)
    #expect(live.count == projection.checksumTables.count)
    #expect(try scratch.projection.checksums(on: connection) == live)
}
