extension TravelDocument {
    /// The sex printed on the document; ICAO Doc 9303 allows it to be left unspecified.
    public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
        case male
        case female
        case unspecified
    }
}
