import CLibPQ

extension PostgresConnection {
    /// Asks the server to cancel what this connection is running, from any thread (libpq's
    /// `PQcancel`, safe to call from another thread): the running statement then fails with
    /// SQLSTATE 57014, and the connection stays usable.
    public final class Canceller: @unchecked Sendable {
        private let cancel: OpaquePointer?

        init(_ cancel: OpaquePointer?) {
            self.cancel = cancel
        }

        deinit {
            PQfreeCancel(cancel)
        }

        /// Sends the cancel request; false when it could not be sent.
        @discardableResult
        public func cancelRunningStatement() -> Bool {
            guard let cancel else { return false }
            var message = [CChar](repeating: 0, count: 256)
            return PQcancel(cancel, &message, Int32(message.count)) == 1
        }
    }

    /// A canceller for this connection, made on the thread that owns it.
    public func canceller() -> Canceller {
        Canceller(PQgetCancel(live))
    }
}
