import Foundation

HeapRetention.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
if ["serve", "project"].contains(arguments.first) {
    TerminationSignal.block()
}
exit(CommandLineInterface.run(arguments))
