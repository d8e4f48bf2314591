extension TravelDocument {
    /// The layout of a machine-readable zone (ICAO Doc 9303).
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// Identity card: three lines of 30 characters (Doc 9303 part 5).
        case td1
        /// Identity card: two lines of 36 characters (Doc 9303 part 6).
        case td2
        /// Passport booklet: two lines of 44 characters (Doc 9303 part 4).
        case td3
        /// Visa of the passport's size: two lines of 44 characters (Doc 9303 part 7).
        case mrva
        /// Visa of the TD2 size: two lines of 36 characters (Doc 9303 part 7).
        case mrvb

        /// Whether the document is a visa (MRV-A or MRV-B) rather than a travel document.
        public var isVisa: Bool {
            self == .mrva || self == .mrvb
        }
    }

    /// Whether the document is a visa; its date of expiry is then the visa's.
    public var isVisa: Bool {
        format.isVisa
    }
}
