// libFuzzer entry for JSON decoding (jansson) and our canonical encoder, built by Scripts/fuzz.
// Property: whatever parses, printed canonically, parses back to the same value, and printing that
// again gives the same bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSON.parse(bytes) else { return 0 }
    if case .double(let number) = value, !number.isFinite { return 0 }
    let printed = value.serialized()
    guard let again = try? JSON.parse(printed) else {
        preconditionFailure("canonical output does not parse")
    }
    precondition(again.serialized() == printed, "canonical output is not stable")
    return 0
}
