/// The remaining command-line words, read front to back.
struct Arguments {
    private var words: [String]

    init(_ words: [String]) {
        self.words = words
    }

    mutating func next() -> String? {
        words.isEmpty ? nil : words.removeFirst()
    }

    /// The next word, left in place.
    func peek() -> String? { words.first }

    /// Removes `--name VALUE` (or `--name=VALUE`) and returns VALUE.
    mutating func option(_ name: String) throws(CLIError) -> String? {
        if let index = words.firstIndex(where: { $0.hasPrefix("\(name)=") }) {
            return String(words.remove(at: index).dropFirst(name.count + 1))
        }
        guard let index = words.firstIndex(of: name) else { return nil }
        guard index + 1 < words.count else { throw CLIError("\(name) needs a value") }
        let value = words[index + 1]
        words.removeSubrange(index...index + 1)
        return value
    }

    mutating func intOption(_ name: String, default value: Int, range: ClosedRange<Int>) throws(CLIError) -> Int {
        guard let text = try option(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw CLIError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Whether `--name` (alone or as `--name=VALUE`) is among the words.
    func contains(_ name: String) -> Bool {
        words.contains { $0 == name || $0.hasPrefix("\(name)=") }
    }

    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: name) else { return false }
        words.remove(at: index)
        return true
    }

    /// Fails on anything left over, so a mistyped option is not silently ignored.
    func finish() throws(CLIError) {
        if let first = words.first { throw CLIError("unexpected argument '\(first)'") }
    }
}
