import CLibPQ

extension PostgresConnection {
    /// Runs one statement that returns no rows (an INSERT, UPDATE or DELETE) with text-format
    /// parameters and returns how many rows it inserted, updated or deleted. Unprepared: meant
    /// for statements that name a schema chosen at run time, which a prepared statement would
    /// keep for the rest of the connection's life.
    @discardableResult
    public func rowsChanged(by sql: String, _ parameters: [String?] = [], context: String = "command")
        throws(PostgresError) -> Int
    {
        let result = Self.withCStrings(parameters) { pointers in
            PQexecParams(live, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
        }
        defer { PQclear(result) }
        _ = try rows(of: result, context: context)
        return result.flatMap { Int(String(cString: PQcmdTuples($0))) } ?? 0
    }
}
