import JSON

/// Events for one stream, with the version the writer expects and, for a command, its
/// idempotency key.
public struct AppendRequest: Sendable {
    public var stream: String
    public var expected: ExpectedVersion
    public var events: [NewEvent] {
        didSet { printed = events.map(PrintedEvent.init) }
    }
    public var command: CommandKey?
    /// The events' data and metadata in canonical text, printed when the request is made: on the
    /// caller's thread, not on the group-commit writer's, which every caller waits for.
    private(set) var printed: [PrintedEvent]

    public init(stream: String, expected: ExpectedVersion, events: [NewEvent], command: CommandKey? = nil) {
        precondition(!events.isEmpty, "an append needs at least one event")
        self.stream = stream
        self.expected = expected
        self.events = events
        self.command = command
        printed = events.map(PrintedEvent.init)
    }
}

/// An event's data and metadata as they are stored and hashed.
struct PrintedEvent: Sendable {
    var data: String
    var metadata: String

    init(_ event: NewEvent) {
        data = event.data.serializedString()
        metadata = event.metadata.serializedString()
    }
}

/// A command's idempotency key, a digest of the request it came with, and what to answer a
/// retry with (`answer` is kept with the command and returned as `AppendResult.answer`).
public struct CommandKey: Sendable {
    public var id: String
    public var requestHash: [UInt8]
    public var answer: JSON

    public init(id: String, requestHash: [UInt8], answer: JSON = [:]) {
        self.id = id
        self.requestHash = requestHash
        self.answer = answer
    }
}

/// What an append did. `replayed` is true when the command had been accepted before: nothing
/// was appended this time and the fields describe the first outcome.
public struct AppendResult: Sendable, Equatable {
    public var stream: String
    public var firstPosition: Int64
    public var lastPosition: Int64
    public var streamVersion: Int64
    public var replayed: Bool
    public var answer: JSON

    public init(
        stream: String, firstPosition: Int64, lastPosition: Int64, streamVersion: Int64, replayed: Bool,
        answer: JSON
    ) {
        self.stream = stream
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
        self.streamVersion = streamVersion
        self.replayed = replayed
        self.answer = answer
    }
}
