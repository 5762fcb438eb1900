/// Finds changes by walking the tree every `pollingInterval` and comparing it with the last walk
/// (`--force_polling`: network and container file systems, where notifications do not arrive).
final class PollingChangeSource: ChangeSource {
    private let options: WatchOptions
    private var snapshot: DirectoryTree

    init(options: WatchOptions) {
        self.options = options
        snapshot = DirectoryTree(root: options.root, isIgnored: options.isIgnored)
    }

    var descriptors: [Int32] { [] }
    var tickInterval: Duration? { options.pollingInterval }

    func readable(_ descriptor: Int32, into batcher: inout ChangeBatcher) {}

    func tick(into batcher: inout ChangeBatcher) {
        let current = DirectoryTree(root: options.root, isIgnored: options.isIgnored)
        let now = ContinuousClock.now
        for path in current.changes(since: snapshot) { batcher.add(path, at: now) }
        snapshot = current
    }

    func close() {}
}
