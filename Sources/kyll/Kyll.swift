import KyllCLI

@main
enum Kyll {
    static func main() async {
        await KyllMain.main(Array(CommandLine.arguments.dropFirst()))
    }
}
