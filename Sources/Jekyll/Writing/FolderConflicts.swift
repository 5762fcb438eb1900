/// A file whose output path is also a folder other outputs need (a static file `x` beside a page
/// at `x/index.html`) cannot be written. Jekyll finds out half way through writing and crashes
/// with `EISDIR`; kyll refuses before anything is written, naming both sources, and points at the
/// `permalink` that put one of them there when there is one.
enum FolderConflicts {
    static func refuse(_ files: [OutputFile], configuration: Configuration, defaults: FrontMatterDefaults) throws(BuildError) {
        if let (file, member) = first(in: files) {
            throw error(file: file, member: member, configuration: configuration, defaults: defaults)
        }
    }

    /// The writers' own last check (for callers that did not `refuse` first), without a location.
    static func check(_ files: [OutputFile]) throws(BuildError) {
        if let (file, _) = first(in: files) {
            throw BuildError("the output file '\(file.path)' (from \(file.origin)) is also a folder of other output files")
        }
    }

    /// A file whose path is a folder of another output file (`member`), if there is one.
    static func first(in files: [OutputFile]) -> (file: OutputFile, member: OutputFile)? {
        guard hasAny(in: files) else { return nil }
        // Every folder once (a folder's parents are in the set when it is), then a look-up per
        // file.
        var folders = Set<String>()
        for file in files {
            var folder = Path.dirname(file.path)
            while folder != "." && folder != "/" && !folder.isEmpty, folders.insert(folder).inserted {
                folder = Path.dirname(folder)
            }
        }
        guard files.contains(where: { folders.contains($0.path) }) else { return nil }
        var byPath: [String: OutputFile] = [:]
        for f in files { byPath[f.path] = f }
        for member in files {
            var folder = Path.dirname(member.path)
            while folder != "." && folder != "/" && !folder.isEmpty {
                if let file = byPath[folder] { return (file, member) }
                folder = Path.dirname(folder)
            }
        }
        return nil
    }

    /// Whether some file's path is a folder of another's. Paths are compared as bytes (as the file
    /// system compares them): each path's FNV-1a hash is kept, and the hash of each folder of a
    /// path is had along the way while scanning it, so no string or slice is made or hashed per
    /// folder (this runs before every render, and on every rebuild of `kyll serve`).
    static func hasAny(in files: [OutputFile]) -> Bool {
        var byHash: [UInt64: [Int]] = [:]
        byHash.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            var path = file.path
            let hash = path.withUTF8 { bytes in bytes.reduce(fnvOffset) { fnv($0, $1) } }
            byHash[hash, default: []].append(index)
        }
        for file in files {
            var path = file.path
            let found = path.withUTF8 { bytes -> Bool in
                var hash = fnvOffset
                for (i, byte) in bytes.enumerated() {
                    if byte == UInt8(ascii: "/"), i > 0, let candidates = byHash[hash],
                       candidates.contains(where: { files[$0].path.utf8.elementsEqual(bytes[..<i]) }) {
                        return true
                    }
                    hash = fnv(hash, byte)
                }
                return false
            }
            if found { return true }
        }
        return false
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private static func error(file: OutputFile, member: OutputFile, configuration: Configuration,
                              defaults: FrontMatterDefaults) -> BuildError {
        func shown(_ origin: String) -> String { Path.relative(origin, to: configuration.source) ?? origin }
        let message = "the output file '\(file.path)' (from \(shown(file.origin))) is also the folder of "
            + "'\(member.path)' (from \(shown(member.origin))); one of them needs another permalink"
        let locator = SettingLocator(configuration: configuration, defaults: defaults)
        for origin in [member.origin, file.origin] {
            if let place = locator.frontMatter("permalink", path: origin, displayPath: shown(origin)) {
                return BuildError(message).located(place.location, in: place.text)
            }
        }
        return BuildError(message, at: FileLocation(path: shown(member.origin), line: 1))
    }
}
