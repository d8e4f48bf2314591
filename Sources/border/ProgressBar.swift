import Foundation

/// A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal.
final class ProgressBar {
    let label: String
    let started = Date()
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = Date.distantPast

    init(label: String) {
        self.label = label
    }

    /// On a terminal, redraws the bar at most five times a second; otherwise logs a plain line
    /// every ten seconds.
    func update(done: Int64, total: Int64) {
        guard Date().timeIntervalSince(lastDrawn) > (enabled ? 0.2 : 10) else { return }
        lastDrawn = Date()
        guard enabled else {
            let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
            Log.info(
                "progress task=\(label.replacingOccurrences(of: " ", with: "-")) done=\(done) total=\(total) "
                    + "rate=\(Int(rate))"
            )
            return
        }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let filled = Int(fraction * 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        let line = String(
            format: "\r%@ [%@] %3.0f%%  %lld/%lld events  %.0f/s  %.0fs left", label, bar, fraction * 100, done, total,
            rate, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
