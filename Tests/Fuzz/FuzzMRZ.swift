// libFuzzer entry for the MRZ parser, built by Scripts/fuzz together with the parser's sources.
// Property: any input either parses or is refused with a field named; nothing crashes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMRZ(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let reference = CalendarDate(year: 2024, month: 10, day: 20)!
    do {
        let document = try MRZ.parse(lines, relativeTo: reference)
        precondition(!document.documentNumber.isEmpty, "a parsed document has a number")
    } catch {
        precondition(!error.field.isEmpty, "a refusal names a field")
    }
    return 0
}
