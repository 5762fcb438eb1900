import KyllCLI

@main
enum Kyll {
    static func main() async {
        await KyllCommand.main(nil)
    }
}
