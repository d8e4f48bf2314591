import CLibPQ

extension PostgresConnection {
    /// A statement for `pipeline`: SQL text (prepared once per connection) and its parameters.
    public struct Statement: Sendable {
        public var sql: String
        public var parameters: [String?]
        /// Parameters in PostgreSQL's binary format instead (`parameters` is then empty).
        public var binaryParameters: [[UInt8]?]?
        /// Sent unprepared, so that it is planned for each call with its values and the table's
        /// size at the time: for a query whose best plan changes as a table grows, where a plan
        /// cached while the table was small would be kept until the next ANALYZE.
        public var plannedEachCall = false

        public init(_ sql: String, _ parameters: [String?] = [], plannedEachCall: Bool = false) {
            self.sql = sql
            self.parameters = parameters
            self.plannedEachCall = plannedEachCall
        }

        /// A statement whose parameters are sent in binary format: their types come from the
        /// casts in `sql` (`$1::bigint[]`), and each value must be in that type's binary format.
        public init(_ sql: String, binary parameters: [[UInt8]?]) {
            self.sql = sql
            self.parameters = []
            self.binaryParameters = parameters
        }

        var parameterCount: Int { binaryParameters?.count ?? parameters.count }
    }

    /// Sends all `statements` at once and reads their results after: one round trip instead of
    /// one per statement (libpq's pipeline mode). Statements run in order; when one fails, the
    /// server skips the rest and the first error is thrown.
    @discardableResult
    public func pipeline(_ statements: [Statement], context: String = "pipeline") throws(PostgresError)
        -> [[PostgresRow]]
    {
        let names = try statements.map { statement throws(PostgresError) in
            statement.plannedEachCall
                ? nil : try preparedName(for: statement.sql, parameterCount: statement.parameterCount, context: context)
        }
        guard PQenterPipelineMode(live) == 1 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (enter pipeline)")
        }
        defer { if !isClosed { PQexitPipelineMode(live) } }
        for (statement, name) in zip(statements, names) {
            guard send(statement, as: name) == 1 else {
                throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (send)")
            }
        }
        guard PQpipelineSync(live) == 1 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "\(context) (sync)")
        }
        return try readPipelineResults(count: statements.count, context: context)
    }

    /// `statements` as one transaction in one round trip: `begin` (such as `BEGIN ISOLATION
    /// LEVEL REPEATABLE READ, READ ONLY`), the statements, COMMIT, all in one pipeline; the
    /// statements' results, in order. When one fails, the transaction is rolled back before the
    /// error is thrown, so that the connection is left outside any transaction.
    public func pipelinedTransaction(_ statements: [Statement], begin: String = "BEGIN", context: String = "pipeline")
        throws(PostgresError) -> [[PostgresRow]]
    {
        do {
            let results = try pipeline([.init(begin)] + statements + [.init("COMMIT")], context: context)
            return Array(results.dropFirst().dropLast())
        } catch {
            if !isClosed { _ = try? execute("ROLLBACK", context: "\(context) rollback") }
            throw error
        }
    }

    /// Sends the statement prepared as `name`, or unprepared when `name` is nil.
    private func send(_ statement: Statement, as name: String?) -> Int32 {
        guard let values = statement.binaryParameters else {
            return Self.withCStrings(statement.parameters) { pointers in
                guard let name else {
                    return PQsendQueryParams(live, statement.sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
                }
                return PQsendQueryPrepared(live, name, Int32(pointers.count), pointers, nil, nil, 0)
            }
        }
        let lengths = values.map { Int32($0?.count ?? 0) }
        let formats = [Int32](repeating: 1, count: values.count)
        // One buffer for all values; the extra last byte keeps an empty value's pointer non-NULL.
        let joined = values.reduce(into: [UInt8]()) { $0 += $1 ?? [] } + [0]
        return joined.withUnsafeBytes { buffer in
            var offset = 0
            let pointers = values.map { value -> UnsafePointer<CChar>? in
                guard let value else { return nil }
                defer { offset += value.count }
                return (buffer.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
            }
            guard let name else {
                return PQsendQueryParams(
                    live, statement.sql, Int32(values.count), nil, pointers, lengths, formats, 0)
            }
            return PQsendQueryPrepared(live, name, Int32(values.count), pointers, lengths, formats, 0)
        }
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
