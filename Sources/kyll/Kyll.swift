import KyllCLI

@main
enum Kyll {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Before any `await`, so still on the main thread: see `buildOnCallingThread`.
        if let status = KyllMain.buildOnCallingThread(arguments) { KyllMain.exit(status) }
        await KyllMain.main(arguments)
    }
}
