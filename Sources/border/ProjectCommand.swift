import Foundation
import Postgres
import Projections

/// `border project <name>`: one long-running process per read model.
struct ProjectCommand {
    static let projections: [any Projection] = [OfficerLookup(), Statistics(), Delegates()]

    let projection: any Projection
    let verify: Bool
    let rebuild: Bool
    let all: Bool
    let snapshotNow: Bool
    let snapshots: SnapshotOptions

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        verify = arguments.flag("--verify")
        rebuild = arguments.flag("--rebuild")
        all = arguments.flag("--all")
        snapshotNow = arguments.flag("--snapshot")
        let scheduling = SnapshotOptions.names.filter { arguments.contains($0) }
        snapshots = try SnapshotOptions(&arguments)
        let modes = [("--verify", verify), ("--rebuild", rebuild), ("--snapshot", snapshotNow), ("--all", all)]
        try Self.refuseMixed(modes: modes.filter(\.1).map(\.0), scheduling: scheduling)
        if all {
            if let name = arguments.peek(), !name.hasPrefix("-") {
                throw CLIError("--all runs every read model; give '\(name)' or --all, not both")
            }
            try arguments.finish()
            projection = Self.projections[0]
            return
        }
        let known = Self.projections.map(\.name).joined(separator: ", ")
        guard let name = arguments.next() else {
            throw CLIError("border project needs a read model name: one of \(known)")
        }
        guard let projection = Self.projections.first(where: { $0.name == name }) else {
            throw CLIError("no read model is called '\(name)': one of \(known)")
        }
        try arguments.finish()
        self.projection = projection
    }

    /// One of --verify, --rebuild, --snapshot and --all at most, and the snapshot schedule only
    /// for a running projector (a snapshot taken now keeps the latest --snapshots-kept).
    private static func refuseMixed(modes: [String], scheduling: [String]) throws(CLIError) {
        if modes.count > 1 {
            throw CLIError("\(modes[0]) and \(modes[1]) cannot be given together: each is a run of its own")
        }
        guard let once = modes.first, once != "--all" else { return }
        if let option = scheduling.first(where: { $0 != "--snapshots-kept" || once != "--snapshot" }) {
            throw CLIError("\(option) is for a running projector, not for \(once)")
        }
    }

    func run() throws {
        // One transaction: stopped here, the server rolls it back.
        if snapshotNow { TerminationSignal.onSignal { _ in exit(130) } }
        if verify { return try verifyAgainstRebuild() }
        if rebuild { return try rebuildBesideLive() }
        if snapshotNow { return try takeSnapshot() }
        if all {
            return try ProjectorSupervisor(names: Self.projections.map(\.name), options: snapshots.arguments).run()
        }
        try refuseUnmigrated()
        let projector = Projector(projection: projection, configuration: snapshots.configuration)
        ProjectorSupervisor.watchSupervisor { projector.stop() }
        TerminationSignal.onSignal { _ in projector.stop() }
        Log.info("projector starting projection=\(projection.name)")
        projector.run(conninfo: Database.conninfo) { line in
            line.hasPrefix("projection stalled") || line.hasPrefix("read-model snapshot failed")
                ? Log.warning(line) : Log.info(line)
        }
        Log.info("projector stopped projection=\(projection.name)")
    }

    /// A database that was never migrated is a mistake to report, not an outage to wait out as
    /// the projector's own loop would, for ever. An unreachable database is left to that loop.
    private func refuseUnmigrated() throws {
        guard let connection = try? PostgresConnection(conninfo: Database.conninfo) else { return }
        do {
            _ = try Projector(projection: projection).checkpoint(on: connection)
        } catch let error as PostgresError where error.sqlState == PostgresError.State.undefinedTable {
            throw error
        } catch {}
    }

    /// Copies the live read model into a read-model snapshot now, whatever the schedule, keeps
    /// the latest `--snapshots-kept`, and says how long it took.
    private func takeSnapshot() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let started = ContinuousClock.now
        let projector = Projector(projection: projection, configuration: snapshots.configuration)
        guard let taken = try projector.takeSnapshot(on: connection) else {
            throw CLIError("\(projection.name) has applied no event yet: there is nothing to snapshot")
        }
        let seconds = String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1))
        guard taken.isNew else {
            return print("OK: \(projection.name) has a snapshot at its position \(taken.position) already")
        }
        print(
            "OK: \(projection.name) snapshot at position \(taken.position): \(taken.rows) rows in \(seconds) s"
                + " (\(taken.removed) older removed)")
    }

    /// Rebuilds the read model from the log into a scratch schema up to the live checkpoint and
    /// compares a checksum of every table. The live checkpoint is held (FOR SHARE) while the live
    /// tables are summed, so a running projector waits instead of moving them underneath.
    /// Needs a role that may create schemas (the database owner).
    private func verifyAgainstRebuild() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let builder = try PostgresConnection(conninfo: Database.conninfo)
        Interruption.watch(cancelling: [builder])
        let projector = Projector(projection: projection)
        let bar = ProgressBar(label: "rebuild")
        let upTo = try projector.checkpoint(on: connection)
        var scratch = try ScratchBuild.build(projection, upTo: upTo, on: builder) {
            try Interruption.check()
            bar.update(done: $0, total: upTo)
        }
        defer { try? scratch.drop(on: builder) }
        let (live, actual, expected) = try connection.withTransaction(context: "verify") { connection in
            // Read committed on purpose: once the checkpoint is held FOR SHARE, no projector can
            // start a batch, so the live tables stand still while they are summed.
            let rows = try connection.query("SELECT position FROM \(projection.schema).checkpoint FOR SHARE")
            let live = try rows[0].int64(0)
            scratch = try scratch.extend(upTo: live, on: builder)
            return (live, try projection.checksums(on: connection), try scratch.projection.checksums(on: builder))
        }
        bar.finish()
        let differing = expected.keys.sorted().filter { expected[$0] != actual[$0] }
        guard differing.isEmpty else {
            throw CLIError(
                "\(projection.name) differs from a rebuild up to position \(live) in: "
                    + differing.joined(separator: ", ")
            )
        }
        print("OK: \(projection.name) equals a rebuild from the log up to position \(live) (\(expected.count) tables)")
    }

    /// Builds a new version of the read model beside the live one while queries keep answering
    /// from the live one; when it has caught up, readers switch atomically and the old version is
    /// dropped. Needs a role that may create schemas (the database owner).
    private func rebuildBesideLive() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let builder = try PostgresConnection(conninfo: Database.conninfo)
        // The switch waits on `connection` for the live checkpoint's lock: a signal cancels that too.
        Interruption.watch(cancelling: [builder, connection])
        let head = try ProjectionLag.measure(projection, on: connection).head
        let bar = ProgressBar(label: "rebuild \(projection.name)")
        Log.info("rebuild starting projection=\(projection.name) head=\(head)")
        let scratch = try ScratchBuild.build(projection, upTo: head, on: builder) { done in
            try Interruption.check()
            bar.update(done: done, total: head)
        }
        bar.finish()
        do {
            try Interruption.check()
            let switched = try scratch.replace(projection, on: connection, building: builder)
            Log.info("rebuild switched projection=\(projection.name) position=\(switched.position)")
            let left = switched.retiredLeft ? " (the old version is left for the next build to drop)" : ""
            print("OK: \(projection.name) rebuilt from the log and switched at position \(switched.position)\(left)")
        } catch {
            try? scratch.drop(on: builder)
            throw error
        }
    }
}
