import Foundation
import Locking
import Postgres

/// SIGINT and SIGTERM for the long-running commands, without a race: the signals are blocked
/// from the start of the process (every thread inherits that), so one that arrives before
/// anybody waits stays pending instead of being lost, and `wait` takes it with `sigwait`.
enum TerminationSignal {
    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Call first thing, before any thread starts. The dispositions are reset too: a shell
    /// starts background jobs with SIGINT ignored, and an ignored signal is discarded, not kept.
    static func block() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var set = signals
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits for SIGINT or SIGTERM and returns which.
    static func wait() -> Int32 {
        var set = signals
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }

    /// Runs `body` on a thread of its own when SIGINT or SIGTERM arrives.
    static func onSignal(_ body: @escaping @Sendable (Int32) -> Void) {
        Thread { body(wait()) }.start()
    }
}

/// Ctrl-C or SIGTERM during a command that ends by itself (a build from the log): noted on a
/// thread of its own, and the command stops at its next page, dropping what it half-built.
enum Interruption {
    private static let requested = Locked(false)

    /// Starts noting SIGINT and SIGTERM (blocked since the start of the process), and cancels
    /// the statement each of `connections` is running then (a snapshot's restore is one long
    /// statement, with no page to stop at).
    /// Every signal is acted on, not only the first: one that came between two statements
    /// cancelled nothing, and the next may wait on a lock.
    static func watch(cancelling connections: [PostgresConnection] = []) {
        let cancellers = connections.map { $0.canceller() }
        Thread {
            while true {
                _ = TerminationSignal.wait()
                requested.withLock { $0 = true }
                for canceller in cancellers { canceller.cancelRunningStatement() }
            }
        }.start()
    }

    static var wasRequested: Bool { requested.withLock { $0 } }

    static let refusal = CLIError("interrupted; nothing was changed")

    /// Throws when a signal was noted.
    static func check() throws(CLIError) {
        if wasRequested { throw refusal }
    }
}
