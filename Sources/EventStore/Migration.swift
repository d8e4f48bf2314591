import Foundation

/// A numbered schema change. `component` groups a module's migrations ("event_store",
/// "officer_lookup"), each numbered from 1 and applied in order, once.
public struct Migration: Sendable {
    public var component: String
    public var number: Int
    public var name: String
    public var sql: String

    public init(component: String, number: Int, name: String, sql: String) {
        self.component = component
        self.number = number
        self.name = name
        self.sql = sql
    }

    /// Loads `NNNN_name.sql` files from a resource folder, in number order.
    public static func load(component: String, from folder: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        return try files.filter { $0.pathExtension == "sql" }.compactMap { file -> Migration? in
            let base = file.deletingPathExtension().lastPathComponent
            guard let number = Int(base.prefix { $0.isNumber }) else { return nil }
            let sql = try String(contentsOf: file, encoding: .utf8)
            return Migration(component: component, number: number, name: base, sql: sql)
        }.sorted { $0.number < $1.number }
    }

    /// The event store's own migrations.
    public static func eventStore() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw EventStoreError(.corrupt, "the event store's migrations are missing from the build")
        }
        return try load(component: "event_store", from: folder)
    }
}
