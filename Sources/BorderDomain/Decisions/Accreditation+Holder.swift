import JSON

extension Accreditation {
    /// Who the accreditation desk expects to hold the document: what the delegation sent. No
    /// check digit covers a name, so a difference is a warning for the officer, never a refusal.
    public struct Holder: Sendable, Equatable {
        public var primaryIdentifier: String
        public var secondaryIdentifiers: [String]
        public var nationality: String
        public var dateOfBirth: String?

        public init(
            primaryIdentifier: String, secondaryIdentifiers: [String], nationality: String, dateOfBirth: String?
        ) {
            self.primaryIdentifier = primaryIdentifier
            self.secondaryIdentifiers = secondaryIdentifiers
            self.nationality = nationality
            self.dateOfBirth = dateOfBirth
        }

        var json: JSON {
            [
                "primaryIdentifier": .string(primaryIdentifier),
                "secondaryIdentifiers": .array(secondaryIdentifiers.map { .string($0) }),
                "nationality": .string(nationality), "dateOfBirth": .optional(dateOfBirth),
            ]
        }

        init(json: JSON) throws(DomainError) {
            let reader = EventReader(json, event: "DelegateAccredited.holder")
            self.init(
                primaryIdentifier: try reader.string("primaryIdentifier"),
                secondaryIdentifiers: try reader.strings("secondaryIdentifiers"),
                nationality: try reader.string("nationality"), dateOfBirth: try reader.optionalDate("dateOfBirth"))
        }

        /// Whether the passport read at the desk differs: another nationality, another surname
        /// (compared on letters only: `O'NEILL` is `ONEILL`), or another known date of birth.
        public func differs(from document: DocumentFacts) -> Bool {
            func letters(_ text: String) -> String {
                String(text.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic })
            }
            if nationality != document.nationality { return true }
            if letters(primaryIdentifier) != letters(document.primaryIdentifier) { return true }
            if let expected = dateOfBirth, let read = document.dateOfBirth, expected != read { return true }
            return false
        }
    }
}
