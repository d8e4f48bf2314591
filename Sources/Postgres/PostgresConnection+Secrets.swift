extension PostgresConnection {
    /// `message` with the password of `conninfo` masked wherever it appears: libpq quotes a
    /// connection string it cannot parse, password and all, and its errors reach logs and
    /// terminals.
    static func masking(password conninfo: String, in message: String) -> String {
        var message = message
        for secret in passwords(in: conninfo) where !secret.isEmpty {
            message = message.replacingAll(secret, with: "***")
        }
        return message
    }

    /// The password of a `postgres://user:password@host` URI and of every `password=` key.
    static func passwords(in conninfo: String) -> [String] {
        var found = [String]()
        for scheme in ["postgresql://", "postgres://"] where conninfo.hasPrefix(scheme) {
            let rest = conninfo.dropFirst(scheme.count)
            if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                found.append(String(rest[rest.index(after: colon)..<at]))
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
            found.append(String(value.prefix { quoted ? $0 != "'" : ($0 != " " && $0 != "&") }))
        }
        return found.sorted { $0.count > $1.count }
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
