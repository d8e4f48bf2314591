extension TravelDocument {
    /// Something worth knowing about a document that was read without error: the document is
    /// accepted, and the mark travels with it.
    public enum Mark: String, Sendable, Hashable, Codable, CaseIterable {
        /// The issuing state or nationality is `UTO`, the fictional state of the Doc 9303 specimens.
        case specimen
        /// The sex is written `X`; it is read as unspecified.
        case sexWrittenAsX
        /// The name fills its whole field, so the issuer may have cut it (Doc 9303 part 3, 4.6.3).
        case nameMayBeTruncated
        /// A document number longer than nine characters whose check digit covers the filler that
        /// stands in the check digit's place, as some issuers compute it.
        case documentNumberCheckDigitCoversFiller
        /// Part of the date of birth is unknown and written as fillers.
        case dateOfBirthPartlyUnknown
    }
}
