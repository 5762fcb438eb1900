import CSass
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps `@import` inside the load paths and the input's folder.
///
/// libsass lets a custom importer see each import first. This one works out which
/// file(s) libsass itself would pick — the same candidates in the same order (the
/// importing file's folder, then each load path; `_name`, `.scss`/`.sass`/`.css`,
/// `name/_index.…`) — and, if one of them lies outside the allowed folders once
/// symbolic links are followed, turns the import into an error. Otherwise, when that is
/// one file libsass would read as it is (not indented Sass, which it converts) and the
/// importing text's imports are plain (`PlainImports`), the guard reads the file and hands
/// it to libsass, which then parses it as it would have: its own look-up `stat`s every
/// candidate of every folder again (~30 calls an import, most of a small site's stylesheet
/// compile). Anything else it declines, and libsass imports as usual.
///
/// Imports libsass keeps as CSS (`url(…)`, `http://…`, `//…`, `….css`) are not files
/// and pass. One limit: an import with media queries (`@import "x" screen;`) stays CSS
/// in libsass, but the importer cannot see the queries, so it is checked like a file.
final class ImportGuard {
    /// Real paths of the allowed folders, each ending in `/`.
    let allowedRoots: [String]
    /// Load paths as libsass holds them (ending in `/`).
    let loadPaths: [String]
    let workingDirectory: String
    /// The folders looked in, each listed once for this compile (libsass calls the guard on the
    /// compiling thread only).
    private let folders = FolderListings()
    /// The stylesheets whose imports the guard may load, by the path libsass knows them by: the
    /// input (SCSS) and the files loaded here whose every `@import` is plain.
    private var plainImporters: Set<String> = []

    /// `input`: the text libsass compiles (its imports may be loaded here when it is SCSS).
    init(options: SassOptions, input: String = "") {
        let cwd = SassPath.currentDirectory()
        workingDirectory = cwd
        loadPaths = options.loadPaths.filter { !$0.isEmpty }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let inputFolder = SassPath.dirName(SassPath.absolute(options.inputPath ?? "stdin", cwd: cwd))
        let folders = [inputFolder] + options.loadPaths.map { SassPath.absolute($0, cwd: cwd) }
        var roots: [String] = []
        for folder in folders {
            guard let real = SassPath.realPath(folder) else { continue }
            roots.append(real.hasSuffix("/") ? real : real + "/")
            self.folders.knowRealPath(real, of: folder)
        }
        allowedRoots = roots
        var text = input
        if options.syntax == .scss, text.withUTF8({ PlainImports.inText(UnsafeRawBufferPointer($0)) }) {
            plainImporters.insert(options.inputPath ?? "")
        }
    }

    /// What the guard does with one `@import`.
    enum Decision: Equatable {
        /// The import is an error with this message.
        case refuse(String)
        /// libsass imports it as usual.
        case decline
        /// libsass parses the file at `path`, whose bytes were read here (NUL-terminated).
        case load(path: String, contents: [UInt8])
    }

    /// What to do with `@import url` in the file at `importer` (libsass's path for it).
    func decision(importing url: String, from importer: String) -> Decision {
        if Self.staysCSS(url) { return .decline }
        let target = SassPath.canonical(url)
        let base = SassPath.absolute(SassPath.dirName(importer), cwd: workingDirectory)
        var found = candidates(root: base, file: target)
        for path in loadPaths where found.isEmpty {
            found = candidates(root: path, file: target)
        }
        for file in found {
            let real = folders.realPath(file) ?? file
            if !allowedRoots.contains(where: { real.hasPrefix($0) }) {
                return .refuse("@import \"\(url)\" reads \(real), which is outside the load paths and the input file's folder")
            }
        }
        // Several: libsass reports them. Indented Sass: libsass converts it as it reads it.
        guard found.count == 1, let file = found.first, plainImporters.contains(importer), !SassPath.endsInSass(file),
              let contents = SassPath.contents(of: file) else { return .decline }
        if contents.withUnsafeBytes({ PlainImports.inText(UnsafeRawBufferPointer(rebasing: $0.dropLast(2))) }) {
            plainImporters.insert(file)
        }
        return .load(path: file, contents: contents)
    }

    /// libsass's test for imports it writes out as CSS instead of reading.
    static func staysCSS(_ url: String) -> Bool {
        // An ASCII name (nearly every one) is tested on its bytes: the search for `://` through
        // `String` cost ~6 k instructions an import.
        if let ascii = url.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.allSatisfy { $0 < 0x80 } ? staysCSS(ascii: bytes) : nil
        }), let ascii {
            return ascii
        }
        return staysCSS(characters: url)
    }

    /// `staysCSS` on the name's characters (any name).
    static func staysCSS(characters url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        if let scheme = url.firstRange(of: "://") {
            let name = url[..<scheme.lowerBound]
            if let first = name.first, !first.isNumber,
               name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                return true
            }
        }
        return url.utf8.count > 4 && url.hasSuffix(".css")
    }

    /// `staysCSS` for an ASCII name: a letter or `_` or `-` first, then letters, digits, `-`, `_`
    /// up to the first `://`.
    private static func staysCSS(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":")
        if bytes.count >= 2, bytes[0] == slash, bytes[1] == slash { return true }
        var index = 0
        while index + 2 < bytes.count, !(bytes[index] == colon && bytes[index + 1] == slash && bytes[index + 2] == slash) {
            index += 1
        }
        if index + 2 < bytes.count, index > 0, !bytes[0].isASCIIDigit,
           bytes[..<index].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) {
            return true
        }
        let css: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "c"), UInt8(ascii: "s"), UInt8(ascii: "s")]
        return bytes.count > 4 && bytes.suffix(4).elementsEqual(css)
    }

    /// The existing files libsass's `resolve_includes` finds for `file` under `root`.
    func candidates(root: String, file: String) -> [String] {
        let folder = SassPath.dirName(file)
        let name = SassPath.baseName(file)
        let extensions = [".scss", ".sass", ".css"]
        let names = [name, "_" + name] + extensions.map { "_" + name + $0 } + extensions.map { name + $0 }
        var found = existingFiles(named: names, root: root, folder: folder)
        if found.isEmpty, !extensions.contains(where: name.hasSuffix) {
            let indexes = extensions.map { "_index" + $0 } + extensions.map { "index" + $0 }
            found = existingFiles(named: indexes, root: root, folder: folder, subfolder: name)
        }
        return found
    }

    /// Those of `names` in `root` + `folder` (+ `subfolder`), joined as libsass joins them, that
    /// are files. Every name but the empty one (an import ending in `/`) joins to the same folder
    /// path (`SassPath.folderPath`), worked out once.
    private func existingFiles(named names: [String], root: String, folder: String, subfolder: String? = nil) -> [String] {
        guard names.contains(where: \.isEmpty) else {
            return folders.existingFiles(in: SassPath.folderPath(root, folder, subfolder), named: names)
        }
        return names.map { name in
            SassPath.join(root, SassPath.join(folder, subfolder.map { SassPath.join($0, name) } ?? name))
        }.filter(folders.isFile)
    }
}

/// libsass calls this for every `@import` of a quoted path.
let importGuardCallback: Sass_Importer_Fn = { url, entry, compiler in
    guard let url, let cookie = sass_importer_get_cookie(entry) else { return nil }
    let importGuard = Unmanaged<ImportGuard>.fromOpaque(cookie).takeUnretainedValue()
    let importer = sass_import_get_abs_path(sass_compiler_get_last_import(compiler)).map { String(cString: $0) } ?? ""
    let entry: Sass_Import_Entry?
    switch importGuard.decision(importing: String(cString: url), from: importer) {
    case .decline:
        return nil
    case .refuse(let message):
        entry = sass_make_import_entry(url, nil, nil)
        // Line and column 0: libsass reports the error at the @import.
        sass_import_set_error(entry, message, 0, 0)
    case .load(let path, let contents):
        // libsass takes the buffer over and frees it.
        guard let buffer = malloc(contents.count) else { return nil }
        contents.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        entry = sass_make_import(url, path, buffer.assumingMemoryBound(to: CChar.self), nil)
    }
    let list = sass_make_import_list(1)
    sass_import_set_list_entry(list, 0, entry)
    return list
}

/// The path arithmetic libsass uses to find imports (its `join_paths`, `dir_name`,
/// `make_canonical_path`, …), so the guard looks where libsass looks.
enum SassPath {
    static func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "/" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    static func realPath(_ path: String) -> String? {
        guard let buffer = realpath(path, nil) else { return nil }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The file's bytes and two NULs, as libsass reads a file it imports; nil if it cannot be
    /// read whole (libsass then tries, and reports it).
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return nil }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size + 2)
        var count = 0
        while count < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, size - count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            count += n
        }
        return bytes
    }

    /// Exists and is not a directory.
    static func isFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR
    }

    /// Everything up to and including the last `/`; empty without one.
    static func dirName(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return "" }
        return String(path[...slash])
    }

    static func baseName(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The last `/`, found in the UTF-8 bytes (a search by `Character` from the end cost ~3 k
    /// instructions on a stylesheet's path).
    static func lastSlash(_ path: String) -> String.Index? {
        let offset = path.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1
        } ?? path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.distance(from: path.utf8.startIndex, to: $0) } ?? -1
        return offset < 0 ? nil : path.utf8.index(path.utf8.startIndex, offsetBy: offset)
    }

    /// Whether the path ends in `.sass` in any letter case (indented syntax, which libsass converts).
    static func endsInSass(_ path: String) -> Bool {
        let sass = Array(".sass".utf8)
        return path.utf8.count >= 5 && path.utf8.suffix(5).map { $0 | 0x20 }.elementsEqual(sass)
    }

    /// The path `join(root, join(folder, NAME))` gives for any candidate NAME (one or more
    /// characters, no `/`), without the name: the joins treat every such name alike (a `../`
    /// climbs when more than three characters follow it, which a name always makes true).
    /// With `subfolder`, for the names inside `folder` + `subfolder` + `/`.
    static func folderPath(_ root: String, _ folder: String, _ subfolder: String? = nil) -> String {
        let probe = subfolder.map { join($0, "x") } ?? "x"
        return String(join(root, join(folder, probe)).dropLast())
    }

    static func absolute(_ path: String, cwd: String) -> String {
        canonical(join(join(cwd + "/", "./"), path))
    }

    /// Joins two paths; an absolute right side wins, and leading `../` on the right
    /// remove folders from the left without looking at the disk.
    static func join(_ left: String, _ right: String) -> String {
        if left.isEmpty { return right }
        if right.isEmpty { return left }
        if right.hasPrefix("/") { return right }
        // Nothing to climb: the two joined (most of the guard's candidates).
        if !(right.utf8.count > 3 && right.hasPrefix("../")) {
            return left.hasSuffix("/") ? left + right : left + "/" + right
        }
        var left = Array(left.utf8)
        var right = Array(right.utf8)
        if left.last != UInt8(ascii: "/") { left.append(UInt8(ascii: "/")) }
        while right.count > 3, right.starts(with: Array("../".utf8)) {
            let count = left.count
            let separator = left[...(count >= 2 ? count - 2 : count - 1)].lastIndex(of: UInt8(ascii: "/"))
            let isSlash = separator.map { $0 + 2 == count && left[$0 + 1] == UInt8(ascii: "/") } ?? false
            let isSelf = separator.map { $0 + 3 == count && left[$0 + 1] == UInt8(ascii: ".") } ?? false
            if !isSelf && !isSlash {
                right.removeFirst(3)
            } else if separator == nil {
                break
            }
            if let separator { left = Array(left[...separator]) }
        }
        return String(decoding: left + right, as: UTF8.self)
    }

    /// libsass's `make_canonical_path`: drops `./` segments, then doubled slashes after
    /// a leading `scheme:` and slashes (with libsass's off-by-one in finding where the
    /// scheme ends, kept so the guard looks at the same files).
    static func canonical(_ path: String) -> String {
        if hasNothingToDrop(path) { return path }
        var path = path
        while let range = path.firstRange(of: "/./") { path.replaceSubrange(range, with: "/") }
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.utf8.count > 1, path.hasSuffix("/.") { path.removeLast(2) }
        var bytes = Array(path.utf8)
        func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        var start = 0
        if at(start).isASCIILetter {
            while at(start) != 0 {
                let byte = at(start)
                start += 1
                if !(byte.isASCIILetter || byte.isASCIIDigit) { break }
            }
            if start > 0, at(start) == UInt8(ascii: ":") { start += 1 }
        }
        while true {
            let byte = at(start)
            start += 1
            if byte != UInt8(ascii: "/") { break }
        }
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") {
                bytes.remove(at: index)
            } else {
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SassPath {
    /// No `./` segment (`/./`, a leading `./`, a trailing `/.`) and no doubled slash: `canonical`
    /// would return the path as it is.
    static func hasNothingToDrop(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let bytes = path.utf8
        if bytes.starts(with: [dot, slash]) { return false }
        if bytes.count > 1, bytes.last == dot, bytes.dropLast().last == slash { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == slash && (previous == slash || (previous == dot && beforePrevious == slash)) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}

private extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
