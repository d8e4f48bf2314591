/// The audit module's one error type.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    case crypto(String)
    case file(String)
    case invalidCheckpoint(String)
    case invalidRange(String)

    public var description: String {
        switch self {
        case .crypto(let step): "libcrypto failed: \(step)"
        case .file(let message): message
        case .invalidCheckpoint(let message): "invalid checkpoint: \(message)"
        case .invalidRange(let message): message
        }
    }
}
