import EventStore

extension StoreBenchmark {
    /// The store's group-committed single-event appends and the bare single-row INSERT at
    /// `clients` callers, for other benchmarks to print beside their own figures.
    public func singleAppendReference(clients: Int) throws -> (store: Measurement, bare: Measurement) {
        try prepare()
        let writer = GroupCommitWriter(conninfo: conninfo)
        defer { writer.shutdown() }
        return (try appendSingles(clients: clients, writer: writer), try bareInserts(clients: clients, rows: 1))
    }
}
