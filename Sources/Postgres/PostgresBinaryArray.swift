/// A one-dimensional array in PostgreSQL's binary format, for a parameter sent in binary: no
/// quoting or escaping on our side, no text parsing on the server's. Elements are written as
/// they come; `bytes` adds the header.
public struct PostgresBinaryArray: Sendable {
    /// Element types by their built-in type OIDs; the server refuses an array of another type.
    public enum ElementType: UInt32, Sendable {
        case bytea = 17
        case int8 = 20
        case int4 = 23
        case text = 25
        case timestamptz = 1184
    }

    public let elementType: ElementType
    public private(set) var count = 0
    private var hasNull = false
    private var body: [UInt8]

    public init(of elementType: ElementType, capacity: Int = 256) {
        self.elementType = elementType
        body = []
        body.reserveCapacity(capacity)
    }

    public mutating func append(_ value: Int64) {
        precondition(elementType == .int8 || elementType == .timestamptz, "an 8-byte integer in a \(elementType) array")
        count += 1
        Self.write(Int32(8), to: &body)
        Self.write(value, to: &body)
    }

    public mutating func append(_ value: Int32) {
        precondition(elementType == .int4, "a 4-byte integer in a \(elementType) array")
        count += 1
        Self.write(Int32(4), to: &body)
        Self.write(value, to: &body)
    }

    /// A text element (its UTF-8 bytes), or NULL.
    public mutating func append(_ text: String?) {
        precondition(elementType == .text, "text in a \(elementType) array")
        guard var text else { return appendNull() }
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// A bytea element, or the UTF-8 bytes of a text element.
    public mutating func append(bytes: some Collection<UInt8>) {
        precondition(elementType == .bytea || elementType == .text, "bytes in a \(elementType) array")
        count += 1
        Self.write(Int32(bytes.count), to: &body)
        body += bytes
    }

    public mutating func appendNull() {
        count += 1
        hasNull = true
        Self.write(Int32(-1), to: &body)
    }

    /// The parameter value: header (dimensions, null flag, element type, size, lower bound) and
    /// elements.
    public var bytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20 + body.count)
        Self.write(Int32(count == 0 ? 0 : 1), to: &bytes)
        Self.write(Int32(hasNull ? 1 : 0), to: &bytes)
        Self.write(elementType.rawValue, to: &bytes)
        if count > 0 {
            Self.write(Int32(count), to: &bytes)
            Self.write(Int32(1), to: &bytes)
        }
        return bytes + body
    }

    private static func write(_ value: some FixedWidthInteger, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }
}

extension PostgresBinaryArray {
    /// A text array of `values`, NULL for nil.
    public static func text(_ values: [String?]) -> PostgresBinaryArray {
        var array = PostgresBinaryArray(of: .text, capacity: values.count * 16)
        for value in values { array.append(value) }
        return array
    }

    /// A bigint array of `values`.
    public static func int8(_ values: [Int64]) -> PostgresBinaryArray {
        var array = PostgresBinaryArray(of: .int8, capacity: values.count * 12)
        for value in values { array.append(value) }
        return array
    }

    /// A timestamptz array of `microseconds` since the Unix epoch.
    public static func timestamptz(microseconds: [Int64]) -> PostgresBinaryArray {
        var array = PostgresBinaryArray(of: .timestamptz, capacity: microseconds.count * 12)
        for value in microseconds { array.append(value - PostgresResult.postgresEpochMicroseconds) }
        return array
    }
}
