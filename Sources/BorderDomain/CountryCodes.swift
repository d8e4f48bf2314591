import Foundation
import JSON

/// The codes a machine-readable zone may carry for an issuing state or a nationality: ISO
/// 3166-1 alpha-3, read from Debian's iso-codes data, and the codes ICAO adds (Doc 9303 part 3,
/// 5).
enum CountryCodes {
    /// Where the Debian package `iso-codes` installs the ISO 3166-1 table.
    static let isoFile = "/usr/share/iso-codes/json/iso_3166-1.json"

    /// The fictional state of the Doc 9303 specimens.
    static let specimenState = "UTO"

    /// Codes Doc 9303 part 3 adds to ISO 3166-1: Germany's `D`, the British nationality classes,
    /// the United Nations, stateless persons and refugees, the organisations that issue travel
    /// documents, Kosovo, the European Union, and the specimen state.
    static let icaoCodes: Set<String> = [
        "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX",
        "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "RKS", "EUE",
        specimenState,
    ]

    /// The ISO table, read once on first use.
    static let iso: Table = load(from: isoFile)

    enum Table: Sendable, Equatable {
        case codes(Set<String>)
        /// The file is missing or unreadable; the reason names the file, not any document data.
        case unavailable(reason: String)
    }

    /// Whether `code` (fillers removed) names a state or organisation.
    ///
    /// - Throws: `MRZError` with code `referenceDataUnavailable` when the ISO table cannot be read.
    static func isKnown(_ code: String, field: String, in table: Table = iso) throws(MRZError) -> Bool {
        if icaoCodes.contains(code) {
            return true
        }
        switch table {
        case .codes(let codes):
            return codes.contains(code)
        case .unavailable(let reason):
            throw MRZError(.referenceDataUnavailable, field: field, reason: reason)
        }
    }

    /// Reads the `alpha_3` codes of an iso-codes ISO 3166-1 JSON file.
    static func load(from path: String) -> Table {
        let hint = "install the Debian package iso-codes"
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unavailable(reason: "ISO 3166-1 codes not found at \(path); \(hint)")
        }
        guard let json = try? JSON.parse(data), let entries = json["3166-1"]?.arrayValue else {
            return .unavailable(reason: "ISO 3166-1 codes at \(path) are not an iso-codes table; \(hint)")
        }
        return .codes(Set(entries.compactMap { $0["alpha_3"]?.stringValue }))
    }
}

extension MRZ {
    /// Whether `code` is an issuing state or nationality a document may carry: ISO 3166-1 alpha-3
    /// or one of the codes ICAO adds. Throws when the ISO table cannot be read.
    public static func isKnownStateCode(_ code: String, field: String) throws(MRZError) -> Bool {
        try CountryCodes.isKnown(code, field: field)
    }
}
