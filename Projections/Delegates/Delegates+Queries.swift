import BorderTime
import JSON
import Postgres

/// What the accreditation desk asks: delegations with their counts, one delegation's delegates
/// with their crossings, and the delegates expected on a day who have not arrived.
extension Delegates {
    /// Every member state, and every other delegation accredited to `summit`, ordered by code,
    /// each with its counts (`DelegationCounts`).
    public func delegations(summit: String, on connection: PostgresConnection) throws -> [JSON] {
        try counted(summit: summit, code: nil, on: connection)
    }

    /// One delegation with its counts and its delegates (each with the crossings of its summit
    /// window, newest first); nil when `code` is neither a member state nor accredited.
    public func delegation(_ code: String, summit: String, on connection: PostgresConnection) throws -> JSON? {
        guard case .object(var delegation)? = try counted(summit: summit, code: code, on: connection).first else {
            return nil
        }
        let crossings = try windowCrossings(summit: summit, delegation: code, on: connection)
        let rows = try connection.query(
            """
            SELECT \(Self.delegateColumns) FROM \(schema).delegates
            WHERE summit = $1 AND delegation = $2 ORDER BY accreditation_id, stream
            """, [summit, code], context: "read delegation")
        delegation["delegates"] = .array(
            try rows.map { row in
                var delegate = try Self.delegateJSON(row)
                delegate["crossings"] = .array(crossings[[try row.string(0), try row.string(1)]] ?? [])
                return .object(delegate)
            })
        return .object(delegation)
    }

    /// Delegates of `summit` not revoked, whose accreditation covers `day`, with no arrival
    /// seen, ordered by delegation and accreditation.
    public func expected(summit: String, on day: CivilDay, on connection: PostgresConnection) throws -> [JSON] {
        let rows = try connection.query(
            """
            SELECT \(Self.delegateColumns) FROM \(schema).delegates
            WHERE summit = $1 AND status = 'expected' AND $2::date BETWEEN valid_from AND valid_until
            ORDER BY delegation, accreditation_id, stream
            """, [summit, day.description], context: "read expected delegates")
        return try rows.map { .object(try Self.delegateJSON($0)) }
    }

    static let delegateColumns = """
        stream, accreditation_id, delegation, role, valid_from::text, valid_until::text,
        (extract(epoch FROM accredited_at) * 1000000)::bigint, revoked, status, holder::text,
        (extract(epoch FROM first_arrival_at) * 1000000)::bigint,
        (extract(epoch FROM last_departure_at) * 1000000)::bigint, mismatch
        """

    static func delegateJSON(_ row: PostgresRow) throws -> [String: JSON] {
        [
            "stream": .string(try row.string(0)), "accreditationId": .string(try row.string(1)),
            "delegation": .string(try row.string(2)), "role": .string(try row.string(3)),
            "validFrom": .string(try row.string(4)), "validUntil": .string(try row.string(5)),
            "accreditedAt": time(try row.int64(6)), "revoked": .bool(try row.bool(7)),
            "status": .string(try row.string(8)),
            "holder": try row[9].map { try JSON.parse(Array($0.utf8)) } ?? .null,
            "firstArrivalAt": try row.optionalInt64(10).map(time) ?? .null,
            "lastDepartureAt": try row.optionalInt64(11).map(time) ?? .null, "mismatch": .bool(try row.bool(12)),
        ]
    }

    static func time(_ microseconds: Int64) -> JSON { .string(Timestamp(microseconds: microseconds).description) }
}
