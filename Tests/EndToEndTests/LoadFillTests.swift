import Testing

/// Newcomer review: `border load fill` on a log that already held events (the demo's, an earlier
/// fill's) failed with a stale version on the first traveller it met again, since it decided
/// every command against an empty stream.
@Suite("Filling a log that holds events already")
struct LoadFillTests {
    @Test func aSecondFillTopsUpTheFirst() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        #expect(try system.run(["load", "fill", "--events", "3000"]).hasPrefix("the log holds 3"))
        let topped = try system.run(["load", "fill", "--events", "6000"])
        let held = Int(topped.split(separator: " ")[3]) ?? 0
        #expect(held >= 6000 && held < 6100, "\(topped)")

        // Newcomer review: a read model with no projector (never run, or stopped) showed "lease expired".
        let status = try system.run(["status"])
        #expect(status.contains("statistics: checkpoint 0, lag \(held) events"), "\(status)")
        #expect(status.contains("owner none (no projector is running)"), "\(status)")
        #expect(!status.contains("lease expired"), "\(status)")
    }
}
