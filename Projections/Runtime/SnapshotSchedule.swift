/// When a long-running projector takes its next read-model snapshot: once its checkpoint is
/// `every` events past the latest snapshot, and no sooner than `interval` after the last one it
/// took or tried to take. A catch-up through millions of events then takes one an interval, not
/// one every `every` events, and a failed attempt is tried again an interval later.
struct SnapshotSchedule {
    let every: Int64
    let interval: Duration
    private(set) var lastPosition: Int64
    private var lastAttempt: ContinuousClock.Instant?

    /// Starts from the latest snapshot stored, if any (`age`: how long ago it was taken).
    init(
        every: Int64, interval: Duration, latest: (position: Int64, age: Duration)?,
        now: ContinuousClock.Instant = .now
    ) {
        self.every = every
        self.interval = interval
        lastPosition = latest?.position ?? 0
        lastAttempt = latest.map { now - $0.age }
    }

    func isDue(at position: Int64, now: ContinuousClock.Instant = .now) -> Bool {
        guard every > 0, position - lastPosition >= every else { return false }
        guard let lastAttempt else { return true }
        return now - lastAttempt >= interval
    }

    mutating func attempted(at now: ContinuousClock.Instant = .now) {
        lastAttempt = now
    }

    mutating func taken(at position: Int64) {
        lastPosition = max(lastPosition, position)
    }
}
