import CLibPQ

extension PostgresConnection {
    /// A statement for `pipeline`: SQL text (prepared once per connection) and its parameters.
    public struct Statement: Sendable {
        public var sql: String
        public var parameters: [String?]

        public init(_ sql: String, _ parameters: [String?] = []) {
            self.sql = sql
            self.parameters = parameters
        }
    }

    /// Sends all `statements` at once and reads their results after: one round trip instead of
    /// one per statement (libpq's pipeline mode). Statements run in order; when one fails, the
    /// server skips the rest and the first error is thrown.
    @discardableResult
    public func pipeline(_ statements: [Statement], context: String = "pipeline") throws(PostgresError)
        -> [[PostgresRow]]
    {
        let names = try statements.map { statement throws(PostgresError) in
            try preparedName(for: statement.sql, parameterCount: statement.parameters.count, context: context)
        }
        guard PQenterPipelineMode(live) == 1 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (enter pipeline)")
        }
        defer { if !isClosed { PQexitPipelineMode(live) } }
        for (statement, name) in zip(statements, names) {
            let sent = Self.withCStrings(statement.parameters) { pointers in
                PQsendQueryPrepared(live, name, Int32(pointers.count), pointers, nil, nil, 0)
            }
            guard sent == 1 else {
                throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (send)")
            }
        }
        guard PQpipelineSync(live) == 1 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (sync)")
        }
        return try readPipelineResults(count: statements.count, context: context)
    }

    private func readPipelineResults(count: Int, context: String) throws(PostgresError) -> [[PostgresRow]] {
        var results = [[PostgresRow]]()
        var firstError: PostgresError?
        for _ in 0..<count {
            guard let result = PQgetResult(live) else {
                throw PostgresError(code: .connection, serverMessage: lastError, context: context)
            }
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                results.append([])
            } else {
                do {
                    results.append(try rows(of: result, context: context))
                } catch {
                    if firstError == nil { firstError = error }
                    results.append([])
                }
            }
            PQclear(result)
            while let extra = PQgetResult(live) { PQclear(extra) }
        }
        guard let sync = PQgetResult(live) else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: context)
        }
        let synced = PQresultStatus(sync) == PGRES_PIPELINE_SYNC
        PQclear(sync)
        if let firstError { throw firstError }
        guard synced else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (sync lost)")
        }
        return results
    }
}
