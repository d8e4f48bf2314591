import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM. The handlers run on a dispatch queue, never in signal context.
/// `@unchecked`: the signal sources are set up in `init` and only kept alive afterwards.
final class TerminationSignal: @unchecked Sendable {
    private let received = DispatchSemaphore(value: 0)
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        let queue = DispatchQueue(label: "border.signals")
        var sources = [any DispatchSourceSignal]()
        let received = received
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                onSignal(number)
                received.signal()
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func wait() { received.wait() }
}
