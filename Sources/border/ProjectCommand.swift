import Projections

/// `border project <name>`: one long-running process per read model.
struct ProjectCommand {
    static let projections: [any Projection] = [OfficerLookup()]

    let projection: any Projection

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        let name = arguments.next()
        guard let projection = Self.projections.first(where: { $0.name == name }) else {
            let known = Self.projections.map(\.name).joined(separator: ", ")
            throw CLIError("border project needs a read model name: one of \(known)")
        }
        try arguments.finish()
        self.projection = projection
    }

    func run() throws {
        let projector = Projector(projection: projection)
        TerminationSignal.onSignal { _ in projector.stop() }
        Log.info("projector starting projection=\(projection.name)")
        projector.run(conninfo: Database.conninfo) { line in
            line.hasPrefix("projection stalled") ? Log.warning(line) : Log.info(line)
        }
        Log.info("projector stopped projection=\(projection.name)")
    }
}
