/// A body that is not JSON. The message says where (line and column), never what.
public struct JSONError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
}
