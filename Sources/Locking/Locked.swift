#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value behind a lock, shared by threads that block (libmicrohttpd's workers, the group-commit
/// writer, benchmark and test threads).
///
/// Not `Synchronization.Mutex`: on Linux (Swift 6.3.1) its contended path hands the lock over
/// inside the kernel (a priority-inheriting futex), where ThreadSanitizer cannot see it, so every
/// access under a contended `Mutex` is reported as a data race and `Scripts/sanitize thread`
/// could not tell a real race from them. ThreadSanitizer intercepts pthread mutexes; glibc's takes
/// one compare-and-swap to lock and one to unlock when uncontended, as `Mutex` does.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed with \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
