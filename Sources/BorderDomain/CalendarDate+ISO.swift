extension CalendarDate: CustomStringConvertible {
    /// The ISO 8601 calendar date, `YYYY-MM-DD`.
    public var description: String {
        "\(Self.padded(year, width: 4))-\(Self.padded(month, width: 2))-\(Self.padded(day, width: 2))"
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`; returns `nil` for any other shape or for a
    /// day that does not exist.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.decimal(bytes[0..<4]),
            let month = Self.decimal(bytes[5..<7]),
            let day = Self.decimal(bytes[8..<10])
        else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The value of a run of ASCII digits, or `nil` if any byte is not a digit.
    static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return nil
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
