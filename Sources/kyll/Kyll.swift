import CHeapPolicy
import CProcessStart
import KyllCLI

@main
enum Kyll {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A one-shot build runs right here, on the main thread, before any `await` (see
        // `KyllMain.buildOnCallingThread`). One whose heap is in huge pages (a large site's
        // incremental build) still moves to a worker thread: on the main thread its heap came
        // from the arena jemalloc made at start and took ~350 more page faults at 1,000 posts.
        if kyll_heap_uses_huge_pages() == 0, let status = KyllMain.buildOnCallingThread(arguments) {
            kyll_exit_leaving_memory(status)
        }
        kyll_exit_leaving_memory(await KyllMain.run(arguments))
    }
}
