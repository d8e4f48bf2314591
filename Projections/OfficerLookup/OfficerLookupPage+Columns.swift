import BorderDomain
import EventStore
import Postgres

/// The rows a page adds to one table, a column at a time, sent as arrays that one INSERT unnests.
struct CrossingColumns {
    var position = [Int64](), version = [Int64](), occurredAt = [Int64](), recordedAt = [Int64]()
    var stream = [String?](), direction = [String?](), port = [String?](), carrier = [String?]()
    var flight = [String?](), purpose = [String?](), anomalies = [String?]()

    mutating func append(_ crossing: Crossing, _ event: RecordedEvent) {
        position.append(event.position)
        stream.append(event.stream)
        direction.append(crossing.direction.rawValue)
        port.append(crossing.port)
        carrier.append(crossing.carrier)
        flight.append(crossing.flight)
        purpose.append(crossing.purpose?.rawValue)
        occurredAt.append(event.occurredAt.microseconds)
        recordedAt.append(event.recordedAt.microseconds)
        anomalies.append(PostgresArray.literal(crossing.anomalies.map(\.rawValue)))
        version.append(event.version)
    }

    /// Sent in binary: no number or time is printed here and parsed again by the server.
    func insert(into schema: String) -> PostgresConnection.Statement {
        let texts = [stream, direction, port, carrier, flight, purpose, anomalies].map {
            PostgresBinaryArray.text($0).bytes
        }
        return .init(
            """
            INSERT INTO \(schema).crossings (position, stream, direction, port, carrier, flight, purpose,
                occurred_at, recorded_at, anomalies, version)
            SELECT position, stream, direction, port, carrier, flight, purpose, occurred, recorded,
                anomalies::text[], version
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::timestamptz[], $9::timestamptz[], $10::text[], $11::bigint[])
                AS c(position, stream, direction, port, carrier, flight, purpose, occurred, recorded, anomalies,
                    version)
            """,
            binary: [PostgresBinaryArray.int8(position).bytes] + texts.prefix(6)
                + [
                    PostgresBinaryArray.timestamptz(microseconds: occurredAt).bytes,
                    PostgresBinaryArray.timestamptz(microseconds: recordedAt).bytes, texts[6],
                    PostgresBinaryArray.int8(version).bytes,
                ])
    }
}

struct PermitColumns {
    var stream = [String?](), id = [String?](), kind = [String?](), category = [String?]()
    var validFrom = [String?](), validUntil = [String?](), maximumStayDays = [String?](), onArrival = [String?]()

    mutating func append(_ permit: Permit, stream: String) {
        self.stream.append(stream)
        id.append(permit.id)
        kind.append(permit.kind.rawValue)
        category.append(permit.category)
        validFrom.append(permit.validFrom.description)
        validUntil.append(permit.validUntil.description)
        maximumStayDays.append(permit.maximumStayDays.map { String($0) })
        onArrival.append(String(permit.onArrival))
    }

    func insert(into schema: String) -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).permits (stream, id, kind, category, valid_from, valid_until, maximum_stay_days,
                on_arrival)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[],
                $7::bigint[], $8::boolean[])
            """,
            [stream, id, kind, category, validFrom, validUntil, maximumStayDays, onArrival].map {
                PostgresArray.literal($0)
            })
    }
}

struct AccreditationColumns {
    var stream = [String?](), id = [String?](), summit = [String?](), delegation = [String?]()
    var role = [String?](), validFrom = [String?](), validUntil = [String?]()

    mutating func append(_ accreditation: Accreditation, stream: String) {
        self.stream.append(stream)
        id.append(accreditation.id)
        summit.append(accreditation.summit)
        delegation.append(accreditation.delegation)
        role.append(accreditation.role.rawValue)
        validFrom.append(accreditation.validFrom.description)
        validUntil.append(accreditation.validUntil.description)
    }

    func insert(into schema: String) -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).accreditations (stream, id, summit, delegation, role, valid_from, valid_until)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[],
                $7::date[])
            """,
            [stream, id, summit, delegation, role, validFrom, validUntil].map { PostgresArray.literal($0) })
    }
}
