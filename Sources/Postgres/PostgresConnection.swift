import CLibPQ
import Glibc

/// One libpq connection. Blocking: never call it from Swift's cooperative thread pool.
///
/// A connection is used by one thread at a time; pools and owners hand it over explicitly,
/// hence `@unchecked Sendable`.
public final class PostgresConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// Statements prepared on this connection, by SQL text: each is parsed and planned once.
    private var prepared: [String: String] = [:]

    /// Connects the way PostgreSQL's own tools do: `conninfo` may be a key=value string or a URI;
    /// empty means "use the PG* environment variables". `options` override keys of `conninfo`.
    public init(conninfo: String, options: [String: String] = [:]) throws(PostgresError) {
        let keys = ["dbname"] + options.keys.sorted()
        let values = [conninfo] + options.keys.sorted().map { options[$0]! }
        let connection = Self.connect(keys: keys, values: values)
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            throw PostgresError(
                code: .connection, serverMessage: Self.masking(password: conninfo, in: message), context: "connect")
        }
        handle = connection
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit {
        PQfinish(handle)
    }

    /// A second connection with this one's parameters (server, database, role, options), for
    /// work beside it on another thread.
    public func duplicate() throws(PostgresError) -> PostgresConnection {
        var keys = [String]()
        var values = [String]()
        if let options = PQconninfo(live) {
            defer { PQconninfoFree(options) }
            var option = options
            while let keyword = option.pointee.keyword {
                if let value = option.pointee.val {
                    keys.append(String(cString: keyword))
                    values.append(String(cString: value))
                }
                option += 1
            }
        }
        let connection = Self.connect(keys: keys, values: values, expandingDatabaseName: false)
        guard PQstatus(connection) == CONNECTION_OK, let connection else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            throw PostgresError(code: .connection, serverMessage: message, context: "connect a second time")
        }
        return PostgresConnection(handle: connection)
    }

    public var isClosed: Bool { handle == nil || PQstatus(handle) != CONNECTION_OK }

    /// The process id of the server backend, for diagnostics and for tests that kill a backend.
    public var backendPID: Int32 { PQbackendPID(live) }

    public func close() {
        PQfinish(handle)
        handle = nil
    }

    /// Runs one statement with text-format parameters and returns its rows. The statement is
    /// prepared on first use and reused after, so it is parsed and planned once per connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = [], context: String = "query")
        throws(PostgresError) -> [PostgresRow]
    {
        let name = try preparedName(for: sql, parameterCount: parameters.count, context: context)
        let result = Self.withCStrings(parameters) { pointers in
            PQexecPrepared(live, name, Int32(pointers.count), pointers, nil, nil, 0)
        }
        defer { PQclear(result) }
        return try rows(of: result, context: context)
    }

    func withPreparedResult(_ sql: String, _ parameters: [String?], binary: Bool, context: String)
        throws(PostgresError) -> PostgresResult
    {
        let name = try preparedName(for: sql, parameterCount: parameters.count, context: context)
        let result = Self.withCStrings(parameters) { pointers in
            PQexecPrepared(live, name, Int32(pointers.count), pointers, nil, nil, binary ? 1 : 0)
        }
        guard let result else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: context)
        }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else {
            defer { PQclear(result) }
            _ = try rows(of: result, context: context)
            throw PostgresError(code: .decoding, context: "\(context) returned no rows")
        }
        return PostgresResult(result)
    }

    /// Runs one or more statements without parameters (migrations, BEGIN, COMMIT) and returns
    /// the rows of the last one.
    @discardableResult
    public func execute(_ sql: String, context: String = "execute") throws(PostgresError) -> [PostgresRow] {
        let result = PQexec(live, sql)
        defer { PQclear(result) }
        return try rows(of: result, context: context)
    }

    func preparedName(for sql: String, parameterCount: Int, context: String) throws(PostgresError) -> String {
        if let name = prepared[sql] { return name }
        let name = "s\(prepared.count + 1)"
        let result = PQprepare(live, name, sql, Int32(parameterCount), nil)
        defer { PQclear(result) }
        _ = try rows(of: result, context: "\(context) (prepare)")
        prepared[sql] = name
        return name
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func withTransaction<T>(
        context: String = "transaction", begin: String = "BEGIN",
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        try execute(begin, context: context)
        let value: T
        do {
            value = try body(self)
        } catch {
            if !isClosed { _ = try? execute("ROLLBACK", context: context) }
            throw error
        }
        try execute("COMMIT", context: "\(context) commit")
        return value
    }

    var live: OpaquePointer {
        guard let handle else { preconditionFailure("PostgresConnection used after close()") }
        return handle
    }

    func rows(of result: OpaquePointer?, context: String) throws(PostgresError) -> [PostgresRow] {
        guard let result else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: context)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            return Self.copyRows(result)
        default:
            throw error(from: result, context: context)
        }
    }

    private func error(from result: OpaquePointer, context: String) -> PostgresError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        let message = String(cString: PQresultErrorMessage(result))
        if state == nil || isClosed {
            return PostgresError(code: .connection, sqlState: state, serverMessage: message, context: context)
        }
        return PostgresError(code: .server, sqlState: state, serverMessage: message, context: context)
    }

    var lastError: String { handle.map { String(cString: PQerrorMessage($0)) } ?? "closed" }

    private static func copyRows(_ result: OpaquePointer) -> [PostgresRow] {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        var rows = [PostgresRow]()
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values = [String?]()
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, row, column)))
                }
            }
            rows.append(PostgresRow(values: values))
        }
        return rows
    }

    private static func connect(keys: [String], values: [String], expandingDatabaseName: Bool = true)
        -> OpaquePointer?
    {
        withCStrings(keys) { keyPointers in
            withCStrings(values) { valuePointers in
                (keyPointers + [nil]).withUnsafeBufferPointer { keyBuffer in
                    (valuePointers + [nil]).withUnsafeBufferPointer { valueBuffer in
                        PQconnectdbParams(keyBuffer.baseAddress, valueBuffer.baseAddress, expandingDatabaseName ? 1 : 0)
                    }
                }
            }
        }
    }

    /// Lends C strings for `strings` (nil stays NULL) for the duration of `body`.
    static func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let owned = strings.map { $0.flatMap { strdup($0) } }
        defer { owned.forEach { free($0) } }
        return body(owned.map { $0.map { UnsafePointer($0) } })
    }
}
