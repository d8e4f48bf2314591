import BorderAPI
import BorderDomain
import BorderTime
import Foundation
import Locking
import Postgres

/// `border watch overstays [--every S] [--once] [--today YYYY-MM-DD]`: the overstay watch, a
/// process of its own. Every S seconds (60) it looks at the travellers the officer lookup shows
/// in the country past their authorised day, or flagged and since departed or extended, and
/// appends `OverstayFlagged` or `OverstayCleared`, each exactly once (two watchers may run).
/// Days are UTC days: a permit valid until the 19th is overstayed from the 20th, UTC.
struct WatchCommand {
    let every: Int
    let once: Bool
    let today: CivilDay?
    let rules: EntryRules

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        guard arguments.next() == "overstays" else { throw CLIError("border watch needs: overstays") }
        every = try arguments.intOption("--every", default: 60, range: 1...86_400)
        once = arguments.flag("--once")
        today = try arguments.option("--today").map { text throws(CLIError) in
            guard let day = CivilDay(iso: text) else { throw CLIError("--today must be YYYY-MM-DD") }
            return day
        }
        var rules = EntryRules()
        rules.visitorPermitDays = Int64(try arguments.intOption("--visitor-permit-days", default: 60, range: 1...365))
        self.rules = rules
        try arguments.finish()
    }

    func run() throws {
        let watch = OverstayWatch(rules: rules)
        let stop = Stopper()
        // A statement waiting on a lock would hold the stop until it ends: the signal cancels it.
        let canceller = Locked<PostgresConnection.Canceller?>(nil)
        TerminationSignal.onSignal { _ in
            stop.stop()
            _ = canceller.withLock { $0?.cancelRunningStatement() }
        }
        Log.info("overstay watch starting every=\(every)s")
        var connection: PostgresConnection?
        repeat {
            do {
                let open = try connection ?? PostgresConnection(conninfo: Database.conninfo)
                if connection !== open { canceller.withLock { $0 = open.canceller() } }
                connection = open
                guard !stop.isStopped else { break }
                let day = today ?? Timestamp.now().civilDay
                let pass = try watch.pass(today: day, on: open, stopping: { stop.isStopped })
                Log.info(
                    "overstay watch day=\(day) looked=\(pass.looked) flagged=\(pass.flagged) cleared=\(pass.cleared)")
                if once { print("flagged \(pass.flagged), cleared \(pass.cleared) of \(pass.looked) looked at") }
            } catch {
                if stop.isStopped { break }
                if once { throw error }
                Log.error("overstay watch pass failed error=\"\(error)\"")
                connection = nil
            }
        } while !once && !stop.wait(seconds: Double(every))
        Log.info("overstay watch stopped")
    }
}

/// A flag a signal handler sets and a loop sleeps on.
final class Stopper: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false

    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    var isStopped: Bool { condition.withLock { stopped } }

    /// Waits up to `seconds`; true once stopped.
    func wait(seconds: Double) -> Bool {
        condition.withLock {
            let deadline = Date().addingTimeInterval(seconds)
            while !stopped && condition.wait(until: deadline) {}
            return stopped
        }
    }
}
