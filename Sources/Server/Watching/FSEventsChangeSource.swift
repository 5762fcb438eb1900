#if canImport(Darwin)
import CoreServices
import Darwin
import Dispatch
import Foundation
import NIOConcurrencyHelpers

/// macOS: one FSEvents stream over the whole tree, with file-level events. FSEvents calls back on a
/// dispatch queue; the callback files the paths in an inbox and wakes the watcher's loop through a
/// pipe, so batching and ignoring happen in the same loop as on Linux.
final class FSEventsChangeSource: ChangeSource {
    /// What the FSEvents callback hands over to the loop thread.
    private final class Inbox: @unchecked Sendable {
        // Unchecked: `pending` is locked; the descriptors never change.
        let pending = NIOLockedValueBox<(paths: [(String, FSEventStreamEventFlags)], missed: Bool)>(([], false))
        let wakeRead: Int32
        let wakeWrite: Int32

        init(wakeRead: Int32, wakeWrite: Int32) {
            self.wakeRead = wakeRead
            self.wakeWrite = wakeWrite
        }
    }

    private let options: WatchOptions
    private let canonicalRoot: String
    private let inbox: Inbox
    private let queue = DispatchQueue(label: "kyll.watcher.fsevents")
    private var stream: FSEventStreamRef?

    private static let missedFlags = FSEventStreamEventFlags(
        kFSEventStreamEventFlagMustScanSubDirs | kFSEventStreamEventFlagUserDropped
            | kFSEventStreamEventFlagKernelDropped | kFSEventStreamEventFlagRootChanged)
    private static let appearedFolderFlags = FSEventStreamEventFlags(
        kFSEventStreamEventFlagItemCreated | kFSEventStreamEventFlagItemRenamed)
    private static let folderFlag = FSEventStreamEventFlags(kFSEventStreamEventFlagItemIsDir)

    init(options: WatchOptions) throws {
        self.options = options
        canonicalRoot = FileStatus.canonicalPath(options.root) ?? options.root
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw FileWatchers.StartError.system(call: "pipe", errno: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        inbox = Inbox(wakeRead: fds[0], wakeWrite: fds[1])

        var context = FSEventStreamContext(version: 0, info: Unmanaged.passUnretained(inbox).toOpaque(),
                                           retain: nil, release: nil, copyDescription: nil)
        let callback: FSEventStreamCallback = { _, info, count, paths, flags, _ in
            guard let info else { return }
            let inbox = Unmanaged<Inbox>.fromOpaque(info).takeUnretainedValue()
            let cPaths = paths.assumingMemoryBound(to: UnsafePointer<CChar>.self)
            var batch: [(String, FSEventStreamEventFlags)] = []
            var missed = false
            for index in 0..<count {
                if flags[index] & FSEventsChangeSource.missedFlags != 0 { missed = true }
                batch.append((String(cString: cPaths[index]), flags[index]))
            }
            inbox.pending.withLockedValue { pending in
                pending.paths.append(contentsOf: batch)
                pending.missed = pending.missed || missed
            }
            var byte: UInt8 = 1
            _ = write(inbox.wakeWrite, &byte, 1)
        }
        let flags = FSEventStreamCreateFlags(kFSEventStreamCreateFlagFileEvents | kFSEventStreamCreateFlagNoDefer
                                             | kFSEventStreamCreateFlagWatchRoot)
        guard let stream = FSEventStreamCreate(kCFAllocatorDefault, callback, &context, [canonicalRoot] as CFArray,
                                               FSEventStreamEventId(kFSEventStreamEventIdSinceNow), 0.01, flags)
        else {
            closeDescriptor(fds[0])
            closeDescriptor(fds[1])
            throw FileWatchers.StartError.system(call: "FSEventStreamCreate", errno: 0)
        }
        FSEventStreamSetDispatchQueue(stream, queue)
        guard Bool(FSEventStreamStart(stream)) else {
            FSEventStreamInvalidate(stream)
            FSEventStreamRelease(stream)
            closeDescriptor(fds[0])
            closeDescriptor(fds[1])
            throw FileWatchers.StartError.system(call: "FSEventStreamStart", errno: 0)
        }
        self.stream = stream
    }

    var descriptors: [Int32] { [inbox.wakeRead] }

    func readable(_ descriptor: Int32, into batcher: inout ChangeBatcher) {
        var drain = [UInt8](repeating: 0, count: 256)
        while read(inbox.wakeRead, &drain, drain.count) > 0 {}
        let (events, missed) = inbox.pending.withLockedValue { pending in
            defer { pending = ([], false) }
            return (pending.paths, pending.missed)
        }
        let now = ContinuousClock.now
        if missed { batcher.markMissedChanges(at: now) }
        for (absolute, flags) in events {
            guard absolute.hasPrefix(canonicalRoot + "/") else { continue }
            let path = String(absolute.dropFirst(canonicalRoot.count + 1))
            guard !path.isEmpty, !options.isIgnored(path) else { continue }
            batcher.add(path, at: now)
            if flags & Self.folderFlag != 0, flags & Self.appearedFolderFlags != 0 {
                for inner in DirectoryTree(root: options.root, below: path, isIgnored: options.isIgnored).entries.keys {
                    batcher.add(inner, at: now)
                }
            }
        }
    }

    func close() {
        if let stream {
            FSEventStreamStop(stream)
            FSEventStreamInvalidate(stream)
            FSEventStreamRelease(stream)
            self.stream = nil
        }
        // No callback runs after invalidation returns; the inbox can go.
        queue.sync {}
        closeDescriptor(inbox.wakeRead)
        closeDescriptor(inbox.wakeWrite)
    }
}
#endif
