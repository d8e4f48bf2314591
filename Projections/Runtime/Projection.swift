import EventStore
import Foundation
import Postgres

/// A read model: a pure function of the log, kept in a PostgreSQL schema of its own.
public protocol Projection: Sendable {
    /// The read model's name as operators type it (`officer-lookup`).
    var name: String { get }
    /// The PostgreSQL schema its tables live in.
    var schema: String { get }
    /// Numbered migrations that create the schema (`CREATE SCHEMA IF NOT EXISTS`: a build from
    /// the log makes and marks it first), its tables and its checkpoint.
    func migrations() throws -> [Migration]
    /// Applies one event. Runs inside the transaction that also moves the checkpoint.
    func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws
    /// Applies a page of events in log order, as applying each in turn would. Runs inside the
    /// transaction that also moves the checkpoint.
    func apply(_ events: [RecordedEvent], on connection: PostgresConnection) throws
    /// The statements that apply a page of events in log order, made without the database, to
    /// run inside the transaction that also moves the checkpoint; nil for a read model whose
    /// pages read the database back as they are applied. A build makes them ahead.
    func pageStatements(_ events: [RecordedEvent]) throws -> [PostgresConnection.Statement]?
    /// The read model's tables with an ORDER BY that lists their rows in a fixed order.
    var checksumTables: [(name: String, order: String)] { get }
    /// Makes the same read model in another schema.
    func inSchema(_ schema: String) -> any Projection
    /// Indexes that applying events never reads (as `building()` applies them, in a build): a
    /// build from the log into a new schema drops them first and makes them once at the end,
    /// instead of keeping them up to date row by row.
    var indexesForReaders: [String] { get }
    /// The read model as a build from the log into a new schema applies it (which may leave
    /// work to `finishBuilding`); itself by default.
    func building() -> any Projection
    /// Readies the new schema of a build from the log for its pages, before the first.
    func startBuilding(on connection: PostgresConnection) throws
    /// Finishes what `building()`'s pages left, once the build has applied its last event.
    func finishBuilding(on connection: PostgresConnection) throws
}

extension Projection {
    public var indexesForReaders: [String] { [] }

    public func building() -> any Projection { self }

    public func startBuilding(on connection: PostgresConnection) throws {}

    public func pageStatements(_ events: [RecordedEvent]) throws -> [PostgresConnection.Statement]? { nil }

    public func finishBuilding(on connection: PostgresConnection) throws {}

    /// One event after another.
    public func apply(_ events: [RecordedEvent], on connection: PostgresConnection) throws {
        for event in events { try apply(event, on: connection) }
    }

    /// Loads the read model's `NNNN_*.sql` migrations, with `{{schema}}` replaced by `schema` and
    /// the shared tables written in (`ReadModelTables`).
    public func migrations(from folder: String, in bundle: Bundle) throws -> [Migration] {
        guard let url = bundle.url(forResource: folder, withExtension: nil) else {
            throw ProjectionError(.missingResource, "\(name): migrations missing from the build")
        }
        return try Migration.load(component: "read_model.\(schema)", from: url).map { migration in
            var migration = migration
            migration.sql = ReadModelTables.expand(migration.sql, schema: schema)
            return migration
        }
    }
}
