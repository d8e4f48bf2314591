extension MRZReader {
    /// Verifies the check digits of the dates, of a passport's optional data, and the composite.
    func verifyCheckDigits() throws(MRZError) {
        try verify(layout.dateOfBirth, layout.dateOfBirthCheck, field: "dateOfBirth")
        try verify(layout.dateOfExpiry, layout.dateOfExpiryCheck, field: "dateOfExpiry")

        if let check = layout.optionalDataCheck, let data = layout.optionalData.first {
            let isUnused = self[data].allSatisfy { $0 == MRZ.filler }
            if !(isUnused && self[check].first == MRZ.filler) {
                try verify(data, check, field: "optionalData")
            }
        }

        if let check = layout.compositeCheck {
            let covered = layout.compositeCoverage.flatMap { self[$0] }
            try verify(covered, against: self[check].first!, field: check.field("compositeCheckDigit"))
        }
    }

    private func verify(_ data: MRZSlot, _ check: MRZSlot, field name: String) throws(MRZError) {
        try verify(self[data], against: self[check].first!, field: data.field(name))
    }

    func verify(_ data: some Collection<UInt8>, against check: UInt8, field: String) throws(MRZError) {
        guard Self.matches(data, check) else {
            throw MRZError(.checkDigit, field: field, reason: "check digit does not match")
        }
    }

    static func matches(_ data: some Collection<UInt8>, _ check: UInt8) -> Bool {
        MRZ.isDigit(check) && Int(check - UInt8(ascii: "0")) == MRZ.checkDigit(ofBytes: data)
    }
}
