extension PostgresConnection {
    /// `message` with the password of `conninfo` masked: libpq quotes a connection string it
    /// cannot parse, password and all, and its errors reach logs and terminals. The string is
    /// masked where it is quoted whole; a password of four characters or more is masked
    /// wherever else it appears (a shorter one would only garble the message).
    static func masking(password conninfo: String, in message: String) -> String {
        let ranges = passwordRanges(in: conninfo)
        guard !ranges.isEmpty else { return message }
        var masked = conninfo
        for range in ranges.reversed() { masked.replaceSubrange(range, with: "***") }
        var message = message.replacingAll(conninfo, with: masked)
        for range in ranges where conninfo[range].count >= 4 {
            message = message.replacingAll(String(conninfo[range]), with: "***")
        }
        return message
    }

    /// The passwords of a `postgres://user:password@host` URI and of every `password=` key.
    static func passwords(in conninfo: String) -> [String] {
        passwordRanges(in: conninfo).map { String(conninfo[$0]) }
    }

    /// Where the passwords are in `conninfo`, in order, none empty.
    static func passwordRanges(in conninfo: String) -> [Range<String.Index>] {
        var found = [Range<String.Index>]()
        for scheme in ["postgresql://", "postgres://"] where conninfo.hasPrefix(scheme) {
            let rest = conninfo[conninfo.index(conninfo.startIndex, offsetBy: scheme.count)...]
            if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                found.append(rest.index(after: colon)..<at)
            }
        }
        var rest = Substring(conninfo)
        while let key = rest.firstRange(of: "password") {
            let before = key.lowerBound == conninfo.startIndex ? " " : conninfo[conninfo.index(before: key.lowerBound)]
            var value = rest[key.upperBound...].drop { $0 == " " }
            rest = rest[key.upperBound...]
            guard " ?&".contains(before), value.first == "=" else { continue }
            value = value.dropFirst().drop { $0 == " " }
            let quoted = value.first == "'"
            if quoted { value = value.dropFirst() }
            let password = value.prefix { quoted ? $0 != "'" : ($0 != " " && $0 != "&") }
            found.append(password.startIndex..<password.endIndex)
        }
        return found.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
