import Projections

/// When `border project` takes read-model snapshots: once its checkpoint is `--snapshot-every`
/// events past the latest one (0: never), no sooner than `--snapshot-interval` seconds after the
/// last, keeping the latest `--snapshots-kept`. Sized for a large country: a snapshot copies the
/// whole read model, so taking one every few thousand events grows with the square of the log.
struct SnapshotOptions {
    static let defaultEvery = 1_000_000
    static let defaultIntervalSeconds = 3600
    static let defaultKept = 3

    /// The options, as given on the command line.
    static let names = ["--snapshot-every", "--snapshot-interval", "--snapshots-kept"]

    let every: Int
    let intervalSeconds: Int
    let kept: Int

    init(_ arguments: inout Arguments) throws(CLIError) {
        every = try arguments.intOption("--snapshot-every", default: Self.defaultEvery, range: 0...1_000_000_000)
        intervalSeconds = try arguments.intOption(
            "--snapshot-interval", default: Self.defaultIntervalSeconds, range: 0...31 * 86_400)
        kept = try arguments.intOption("--snapshots-kept", default: Self.defaultKept, range: 1...1000)
    }

    /// The same options as words, for a projector that the supervisor starts.
    var arguments: [String] {
        ["--snapshot-every", String(every)] + ["--snapshot-interval", String(intervalSeconds)]
            + ["--snapshots-kept", String(kept)]
    }

    var configuration: Projector.Configuration {
        .init(snapshotEvery: Int64(every), snapshotInterval: .seconds(intervalSeconds), snapshotsKept: kept)
    }
}
