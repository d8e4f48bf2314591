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
        let signal = TerminationSignal { _ in projector.stop() }
        _ = signal
        Log.info("projector starting projection=\(projection.name)")
        projector.run(conninfo: Database.conninfo) { Log.info($0) }
        Log.info("projector stopped projection=\(projection.name)")
    }
}
