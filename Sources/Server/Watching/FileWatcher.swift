/// Changes seen under a watched folder during one quiet-period window.
public struct FileChangeBatch: Sendable, Equatable {
    /// Paths relative to the watched folder, `/`-separated, of files and folders that were created,
    /// modified, removed or renamed (both names of a rename). A folder that appeared brings the paths
    /// of everything inside it.
    public var paths: Set<String>
    /// The system dropped events (inotify queue overflow, FSEvents history loss): anything may have
    /// changed, so the builder should treat this as a change of everything.
    public var mayHaveMissedChanges: Bool

    public init(paths: Set<String>, mayHaveMissedChanges: Bool = false) {
        self.paths = paths
        self.mayHaveMissedChanges = mayHaveMissedChanges
    }
}

/// What to watch and how.
public struct WatchOptions: Sendable {
    /// The folder watched, recursively.
    public var root: String
    /// A batch is delivered once no change arrived for this long (saving a file often writes it
    /// several times, and editors write temporaries first), and at the latest 10 times this after
    /// its first change, so a stream of changes still produces batches.
    public var debounce: Duration
    /// For polling: how often the tree is compared with its last snapshot.
    public var pollingInterval: Duration
    /// Returns true for a path (relative to the root, `/`-separated) that must be ignored: the
    /// destination, `.git`, excluded files. An ignored folder is not entered; nothing below it is
    /// reported.
    public var ignore: @Sendable (String) -> Bool

    public init(root: String, debounce: Duration = .milliseconds(40), pollingInterval: Duration = .milliseconds(500),
                ignore: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.root = root
        self.debounce = debounce
        self.pollingInterval = pollingInterval
        self.ignore = ignore
    }

    /// Whether `path` or one of the folders it is in is ignored.
    func isIgnored(_ path: String) -> Bool {
        var end = path.startIndex
        while let slash = path[end...].firstIndex(of: "/") {
            if ignore(String(path[..<slash])) { return true }
            end = path.index(after: slash)
        }
        return ignore(path)
    }
}

/// Watches a folder tree and delivers batches of changed paths.
public protocol FileWatcher: AnyObject, Sendable {
    /// Batches of changes, in order, until `stop()`; then the stream finishes.
    var changes: AsyncStream<FileChangeBatch> { get }
    /// Stops watching and releases the system resources. Safe to call more than once.
    func stop()
}

public enum FileWatchers {
    public enum StartError: Error, Equatable {
        case notAFolder(String)
        case system(call: String, errno: Int32)
    }

    /// Starts the system's notification watcher (inotify on Linux, FSEvents on macOS), or the polling
    /// one when `forcePolling` is set (`--force_polling`) or no notification watcher exists here.
    public static func start(_ options: WatchOptions, forcePolling: Bool = false) throws -> any FileWatcher {
        guard FileStatus(path: options.root)?.kind == .directory else { throw StartError.notAFolder(options.root) }
        if !forcePolling, let source = try makeNotificationSource(options) {
            return try LoopWatcher(source: source, options: options)
        }
        return try startPolling(options)
    }

    /// The polling watcher, whatever the platform offers.
    public static func startPolling(_ options: WatchOptions) throws -> any FileWatcher {
        guard FileStatus(path: options.root)?.kind == .directory else { throw StartError.notAFolder(options.root) }
        return try LoopWatcher(source: PollingChangeSource(options: options), options: options)
    }

    private static func makeNotificationSource(_ options: WatchOptions) throws -> (any ChangeSource)? {
        #if os(Linux)
        return try InotifyChangeSource(options: options)
        #elseif canImport(Darwin)
        return try FSEventsChangeSource(options: options)
        #else
        return nil
        #endif
    }
}

/// Gathers changes and decides when a batch is due: after `debounce` without a new change, or
/// `10 × debounce` after the first one.
struct ChangeBatcher {
    let debounce: Duration
    private(set) var paths: Set<String> = []
    private(set) var missedChanges = false
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    init(debounce: Duration) {
        self.debounce = debounce
    }

    mutating func add(_ path: String, at now: ContinuousClock.Instant) {
        paths.insert(path)
        touch(now)
    }

    mutating func markMissedChanges(at now: ContinuousClock.Instant) {
        missedChanges = true
        touch(now)
    }

    private mutating func touch(_ now: ContinuousClock.Instant) {
        if first == nil { first = now }
        last = now
    }

    /// When the pending batch falls due; nil when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let first, let last else { return nil }
        return min(last + debounce, first + debounce * 10)
    }

    /// The batch, if it is due at `now`; the batcher is then empty again.
    mutating func takeIfDue(at now: ContinuousClock.Instant) -> FileChangeBatch? {
        guard let deadline, now >= deadline else { return nil }
        let batch = FileChangeBatch(paths: paths, mayHaveMissedChanges: missedChanges)
        paths = []
        missedChanges = false
        first = nil
        last = nil
        return batch
    }
}
