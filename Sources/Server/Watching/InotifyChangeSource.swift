#if os(Linux)
import Glibc

/// Linux: one inotify watch per folder (inotify is not recursive). Folders that appear get a watch
/// and their contents are reported, since files may be written into them before the watch exists.
final class InotifyChangeSource: ChangeSource {
    private let options: WatchOptions
    private let inotify: Int32
    /// Watch descriptor → folder relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024,
                                                                 alignment: MemoryLayout<inotify_event>.alignment)

    private static let folderMask: UInt32 = [IN_CREATE, IN_DELETE, IN_MODIFY, IN_CLOSE_WRITE, IN_ATTRIB,
                                             IN_MOVED_FROM, IN_MOVED_TO, IN_DELETE_SELF, IN_MOVE_SELF,
                                             IN_ONLYDIR, IN_EXCL_UNLINK]
        .reduce(0) { $0 | UInt32(truncatingIfNeeded: $1) }
    private static let isDirectory = UInt32(truncatingIfNeeded: IN_ISDIR)
    private static let appeared = UInt32(truncatingIfNeeded: IN_CREATE) | UInt32(truncatingIfNeeded: IN_MOVED_TO)
    private static let vanished = UInt32(truncatingIfNeeded: IN_DELETE) | UInt32(truncatingIfNeeded: IN_MOVED_FROM)
    private static let ignoredWatch = UInt32(truncatingIfNeeded: IN_IGNORED)
    private static let overflow = UInt32(truncatingIfNeeded: IN_Q_OVERFLOW)
    private static let selfEvents = UInt32(truncatingIfNeeded: IN_DELETE_SELF) | UInt32(truncatingIfNeeded: IN_MOVE_SELF)

    init(options: WatchOptions) throws {
        self.options = options
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else {
            buffer.deallocate()
            throw FileWatchers.StartError.system(call: "inotify_init1", errno: errno)
        }
        guard watch("") else {
            let code = errno
            close()
            throw FileWatchers.StartError.system(call: "inotify_add_watch", errno: code)
        }
        for folder in DirectoryTree(root: options.root, isIgnored: options.isIgnored).folders { watch(folder) }
    }

    var descriptors: [Int32] { [inotify] }

    func readable(_ descriptor: Int32, into batcher: inout ChangeBatcher) {
        while true {
            let count = read(inotify, buffer.baseAddress, buffer.count)
            guard count > 0 else { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[nameStart..<(nameStart + Int(event.len))])
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                handle(descriptor: event.wd, mask: event.mask, name: name, into: &batcher)
                offset = nameStart + Int(event.len)
            }
        }
    }

    private func handle(descriptor: Int32, mask: UInt32, name: String, into batcher: inout ChangeBatcher) {
        let now = ContinuousClock.now
        if mask & Self.overflow != 0 {
            batcher.markMissedChanges(at: now)
            return
        }
        guard let folder = folders[descriptor] else { return }
        if mask & Self.ignoredWatch != 0 {
            folders[descriptor] = nil
            return
        }
        if name.isEmpty {
            // The watched folder itself went away or moved; its parent reports it by name, and the
            // root going away is worth a full look.
            if folder.isEmpty && mask & Self.selfEvents != 0 { batcher.markMissedChanges(at: now) }
            return
        }
        let path = folder.isEmpty ? name : folder + "/" + name
        guard !options.isIgnored(path) else { return }
        batcher.add(path, at: now)
        guard mask & Self.isDirectory != 0 else { return }
        if mask & Self.appeared != 0 {
            watch(path)
            for (inner, entry) in DirectoryTree(root: options.root, below: path, isIgnored: options.isIgnored).entries {
                batcher.add(inner, at: now)
                if entry.kind == .directory { watch(inner) }
            }
        } else if mask & Self.vanished != 0 {
            forgetFolders(under: path)
        }
    }

    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let absolute = folder.isEmpty ? options.root : options.root + "/" + folder
        let descriptor = inotify_add_watch(inotify, absolute, Self.folderMask)
        guard descriptor >= 0 else { return false }
        folders[descriptor] = folder
        return true
    }

    /// A folder moved away keeps its watches (they follow the inode); they would report under the old
    /// name, so they are dropped. A moved-in folder is watched anew under its new name.
    private func forgetFolders(under path: String) {
        for (descriptor, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
            inotify_rm_watch(inotify, descriptor)
            folders[descriptor] = nil
        }
    }

    func close() {
        if inotify >= 0 { closeDescriptor(inotify) }
        buffer.deallocate()
    }
}
#endif
