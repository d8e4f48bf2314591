import EventStore
import Foundation

extension Migration {
    /// The audit component's migrations (the auditor's read-only database role). Run after the
    /// other components', so that it can grant reading of the read models already there.
    public static func audit() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw AuditError.file("the audit migrations are missing from the build")
        }
        return try load(component: "audit", from: folder)
    }
}
