import EventStore
import Foundation
import Postgres
import Snapshots

/// A read model built from the log into a scratch schema of its own, beside the live one: to
/// check that the live read model is a pure function of the log (`--verify`), or to see what a
/// read model showed at a moment (`border audit as-of`). Dropped by `drop()`.
public struct ScratchBuild {
    public let projection: any Projection
    public let applied: Int64
    /// The read-model snapshot the build started from, if it started from one.
    public var startedFrom: Int64?

    /// Builds `template`'s read model in a new schema from position 1 up to `lastPosition`,
    /// applying only what `admits`. With `fromSnapshot`, it starts from the latest read-model
    /// snapshot at or before `lastPosition` (never with `admits`: a snapshot holds every event
    /// up to its position).
    public static func build(
        _ template: any Projection, upTo lastPosition: Int64,
        admits: (@Sendable (RecordedEvent) -> Bool)? = nil, fromSnapshot: Bool = false,
        on connection: PostgresConnection, progress: (Int64) throws -> Void = { _ in }
    ) throws -> ScratchBuild {
        precondition(!(fromSnapshot && admits != nil), "a snapshot cannot be filtered by occurred time")
        try dropAbandoned(on: connection)
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)
        let projection = template.inSchema("scratch_\(suffix)")
        // The schema is made and marked as this session's in one statement string (one implicit
        // transaction), before anything else: a build killed at any later point leaves a schema
        // the next build can drop.
        try connection.execute(
            """
            CREATE SCHEMA \(projection.schema);
            DO $$ BEGIN
                EXECUTE format('COMMENT ON SCHEMA %I IS %L', '\(projection.schema)',
                    'scratch build by backend ' || pg_backend_pid());
            END $$
            """, context: "mark scratch build")
        do {
            try Migrator().applyUnrecorded(try projection.migrations(), on: connection)
            return try withoutWaitingForTheDisk(on: connection) {
                try fill(
                    projection, upTo: lastPosition, admits: admits, fromSnapshot: fromSnapshot,
                    on: connection, progress: progress)
            }
        } catch {
            // Interrupted or failed: nothing half-built is left behind.
            _ = try? connection.execute(
                "DROP SCHEMA IF EXISTS \(projection.schema) CASCADE", context: "drop failed build")
            throw error
        }
    }

    /// Nobody reads a build before it is compared or switched in, and one cut short by a crash is
    /// dropped as abandoned: its pages need not wait for the disk (synchronous_commit off, set
    /// back as the caller had it afterwards). The switch commits synchronously, which flushes
    /// everything written before it.
    private static func withoutWaitingForTheDisk<T>(on connection: PostgresConnection, _ body: () throws -> T)
        throws -> T
    {
        let before = try connection.query("SELECT current_setting('synchronous_commit')")[0].string(0)
        try connection.execute("SET synchronous_commit = off", context: "build without waiting for the disk")
        func restore() {
            _ = try? connection.query(
                "SELECT set_config('synchronous_commit', $1, false)", [before], context: "end of a build")
        }
        do {
            let value = try body()
            restore()
            return value
        } catch {
            // A statement string that began a transaction may have left the session inside it,
            // failed: end it, so that the setting and the drop that follow can run.
            _ = try? connection.execute("ROLLBACK", context: "end a failed build")
            restore()
            throw error
        }
    }

    private static func fill(
        _ projection: any Projection, upTo lastPosition: Int64, admits: (@Sendable (RecordedEvent) -> Bool)?,
        fromSnapshot: Bool, on connection: PostgresConnection, progress: (Int64) throws -> Void
    ) throws -> ScratchBuild {
        let building = projection.building()
        let readersIndexes = try DeferredIndexes.drop(building.indexesForReaders, of: projection, on: connection)
        try building.startBuilding(on: connection)
        var startedFrom: Int64?
        if fromSnapshot {
            startedFrom = try ReadModelSnapshots().restore(
                try projection.snapshotModel(), atOrBefore: lastPosition, on: connection)
        }
        let pageSize = 5000
        let projector = Projector(
            projection: building,
            configuration: .init(batchSize: pageSize, lastPosition: lastPosition, admits: admits))
        // Without a second connection the build reads its pages itself.
        let reader = try? PageReader(
            after: try projector.checkpoint(on: connection), upTo: lastPosition, pageSize: pageSize, beside: connection
        ) { events in
            // A page whose statements cannot be made ahead is applied by the build, which reports why.
            (try? building.pageStatements(events.admitted(by: admits))) ?? nil
        }
        defer { reader?.stop() }
        var pages = 0
        while try projector.runBatch(on: connection, reader: reader) > 0 {
            pages += 1
            // A new schema's tables have no statistics until autovacuum comes by, which a build
            // of a few seconds never sees: the planner would take them for empty. Once analysed,
            // it scales their rows per page by their size as it grows, so once is enough.
            if pages == 1 { try projection.analyze(on: connection) }
            try progress(try projector.checkpoint(on: connection))
        }
        try building.finishBuilding(on: connection)
        try readersIndexes.create(on: connection)
        return ScratchBuild(
            projection: projection, applied: try projector.checkpoint(on: connection), startedFrom: startedFrom)
    }

    /// Applies the events after what was applied, up to `lastPosition`.
    public func extend(upTo lastPosition: Int64, on connection: PostgresConnection) throws -> ScratchBuild {
        let projector = Projector(
            projection: projection, configuration: .init(batchSize: 5000, lastPosition: lastPosition))
        while try projector.runBatch(on: connection) > 0 {}
        return ScratchBuild(projection: projection, applied: try projector.checkpoint(on: connection))
    }

    public func drop(on connection: PostgresConnection) throws {
        try connection.execute("DROP SCHEMA \(projection.schema) CASCADE", context: "drop scratch read model")
    }
}

extension Projection {
    /// Updates the planner's statistics of every table of the read model.
    func analyze(on connection: PostgresConnection) throws {
        for table in checksumTables {
            try connection.execute("ANALYZE \(schema).\(table.name)", context: "analyze \(table.name)")
        }
    }

    /// A checksum of every table of the read model (its checkpoint excluded), for comparing two
    /// builds of it.
    public func checksums(on connection: PostgresConnection) throws -> [String: String] {
        var sums = [String: String]()
        for table in checksumTables {
            let rows = try connection.query(
                """
                SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY \(table.order)), ''))
                FROM \(schema).\(table.name) t
                """, context: "checksum \(table.name)")
            sums[table.name] = try rows[0].string(0)
        }
        return sums
    }
}
