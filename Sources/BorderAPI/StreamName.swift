import BorderDomain
import EventStore
import Postgres

/// Stream names. A traveller's stream is named from a digest of issuing state and document
/// number: a terminal derives it without a lookup, and the name (which appears in logs and
/// error messages) does not show the document number.
public enum StreamName {
    public static func traveller(issuingState: String, documentNumber: String) -> String {
        let key = Traveller.streamKey(issuingState: issuingState, documentNumber: documentNumber)
        return "traveller-" + Hex.encode(SHA256.hash(Array("bordercore/traveller/\(key)".utf8)).prefix(16))
    }
}
