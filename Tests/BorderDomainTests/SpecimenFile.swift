import Foundation
import Testing

/// The specimen file shared by the project, at ../shared/data relative to the package root: one
/// zone per block, under a heading comment that names its format (`# TD1 card ...`).
enum SpecimenFile {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BorderDomainTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data/icao-specimens.txt")
        .standardizedFileURL

    /// The lines of the block whose heading starts with `# <format> ` (`TD3`, `MRV-A`).
    static func zone(_ format: String) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("# \(format) ") })
        return Array(lines[(heading + 1)...].prefix { !$0.isEmpty && !$0.hasPrefix("#") })
    }
}
