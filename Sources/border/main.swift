import Foundation

HeapRetention.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
// Every long-running or interruptible command takes SIGINT and SIGTERM itself (`TerminationSignal`).
if ["serve", "project", "watch"].contains(arguments.first) || arguments.prefix(2) == ["audit", "as-of"] {
    TerminationSignal.block()
}
exit(CommandLineInterface.run(arguments))
