import Foundation
import Locking
import Synchronization

/// `border project --all`: each read model's projector in a child process of its own (a small
/// site's single command), restarted after a pause if it dies, all stopped on SIGINT or SIGTERM.
final class ProjectorSupervisor: Sendable {
    let names: [String]
    /// Given to every projector after its name (the snapshot schedule).
    let options: [String]
    private let stopping = Atomic<Bool>(false)
    private let children = Locked<[String: Process]>([:])

    init(names: [String], options: [String] = []) {
        self.names = names
        self.options = options
    }

    /// Set in a child's environment to the supervisor's pid.
    static let parentVariable = "BORDER_SUPERVISOR_PID"

    /// In a supervised child: calls `stop` once the supervisor is gone, even killed by SIGKILL
    /// (the child is then re-parented), so that no orphaned projector keeps running beside the
    /// next supervisor's. Checks every half second.
    static func watchSupervisor(_ stop: @escaping @Sendable () -> Void) {
        guard let text = ProcessInfo.processInfo.environment[parentVariable], let parent = Int32(text) else { return }
        Thread {
            while getppid() == parent { usleep(500_000) }
            Log.warning("supervisor gone; stopping")
            stop()
        }.start()
    }

    func run() throws {
        TerminationSignal.onSignal { [self] _ in stop() }
        let group = DispatchGroup()
        for name in names {
            group.enter()
            Thread { [self] in
                supervise(name)
                group.leave()
            }.start()
        }
        group.wait()
        Log.info("projectors stopped")
    }

    private func supervise(_ name: String) {
        while !stopping.load(ordering: .relaxed) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["project", name] + options
            var environment = ProcessInfo.processInfo.environment
            environment[Self.parentVariable] = String(getpid())
            process.environment = environment
            do {
                try process.run()
            } catch {
                Log.error("cannot start projector projection=\(name) error=\"\(error)\"")
                return
            }
            children.withLock { $0[name] = process }
            if stopping.load(ordering: .relaxed) { process.terminate() }
            Log.info("projector started projection=\(name) pid=\(process.processIdentifier)")
            process.waitUntilExit()
            guard !stopping.load(ordering: .relaxed) else { return }
            Log.warning("projector exited projection=\(name) status=\(process.terminationStatus); restarting in 1 s")
            sleep(1)
        }
    }

    private func stop() {
        stopping.store(true, ordering: .relaxed)
        children.withLock { children in
            for process in children.values where process.isRunning { process.terminate() }
        }
    }
}
