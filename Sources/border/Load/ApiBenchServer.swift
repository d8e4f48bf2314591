import BorderAPI
import Foundation
import HTTPClient
import Postgres

/// A `border serve` child process for `bench api`, on a port it picks, with a token of its own,
/// and a `border project officer-lookup` child keeping the lookups' read model, as in service.
final class ApiBenchServer {
    let process: Process
    let projector: Process
    let client: HTTPClient

    private init(process: Process, projector: Process, client: HTTPClient) {
        self.process = process
        self.projector = projector
        self.client = client
    }

    static func start() throws -> ApiBenchServer {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let token = try TokenStore().create(name: "bench", role: .officer, on: connection)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--threads", "64", "--pool", "16"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CLIError("border serve exited before listening") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).split(separator: "\n")[0]
        var client = try HTTPClient(url: String(text.dropFirst("listening on ".count)))
        client.bearerToken = token
        let projector = Process()
        projector.executableURL = process.executableURL
        projector.arguments = ["project", "officer-lookup"]
        projector.standardOutput = FileHandle.nullDevice
        projector.standardError = FileHandle.nullDevice
        try projector.run()
        return ApiBenchServer(process: process, projector: projector, client: client)
    }

    /// The server's peak resident memory (VmHWM), in megabytes.
    func peakResidentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }

    /// Waits for the server even when it has exited already: only `waitUntilExit()` breaks the
    /// cycle between a `Process` and its run loop source (swift-corelibs-foundation, Swift 6.3.1).
    func stop() {
        for child in [projector, process] {
            if child.isRunning { child.terminate() }
            child.waitUntilExit()
        }
    }
}
