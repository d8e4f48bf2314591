extension TravelDocument {
    /// The layout of a machine-readable zone (ICAO Doc 9303).
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// Passport booklet: two lines of 44 characters (Doc 9303 part 4).
        case td3
    }
}
