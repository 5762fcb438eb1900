#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Liquid

/// `--incremental`: what the previous build rendered and from what, kept in `.jekyll-metadata` in
/// the source, in a format of kyll's own (`MetadataFile`; Jekyll never reads kyll's file, and kyll
/// ignores Jekyll's). `ReuseRules` decides from it which documents keep their previous output, so
/// the result is what a full build makes.
struct BuildMetadata: Sendable {
    /// Never changed once made: one read from a file is written back as the bytes it was read from.
    /// A class: copies of a record (from the records' dictionary, into a plan's lists, a
    /// dictionary's copy on write) retained each of its fields (~10), ~1.5 % of an incremental
    /// build's samples.
    final class Record: Sendable {
        let source: FileStamp
        /// The layouts and includes it used, each once, with their stamps then.
        let dependencies: [(path: String, stamp: FileStamp)]
        /// Used the site in ways not recorded one list or document at a time.
        let usesSite: Bool
        let output: String
        /// `SiteLists` names with their signatures when the document was rendered, each once.
        let lists: [(name: String, signature: String)]
        /// Keys (`ReuseRules.key`) of the documents whose front matter, URL or date it read.
        let dataReads: [String]
        /// Keys of the documents whose content, output or excerpt it read.
        let renderedReads: [String]
        /// `ReuseRules.variablesSignature` (nil: render every time).
        let variables: String?
        /// `ReuseRules.fieldsSignature` of the document itself (nil: not known).
        let fields: String?
        /// For a generated page (no file to stamp): `ReuseRules.generatedSignature` (nil: not known).
        let generated: String?
        /// Where it was read from, to be written back as it was (see `MetadataFile`).
        let stored: MetadataFile.StoredRecord?

        init(source: FileStamp, dependencies: [(path: String, stamp: FileStamp)], usesSite: Bool, output: String,
             lists: [(name: String, signature: String)], dataReads: [String], renderedReads: [String],
             variables: String?, fields: String?, generated: String?, stored: MetadataFile.StoredRecord?) {
            self.source = source; self.dependencies = dependencies; self.usesSite = usesSite; self.output = output
            self.lists = lists; self.dataReads = dataReads; self.renderedReads = renderedReads
            self.variables = variables; self.fields = fields; self.generated = generated; self.stored = stored
        }
    }

    /// A file's modification time and size, as seen when it was used (a folder's: see `init(folder:)`).
    struct FileStamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int

        init?(_ path: String) {
            guard let (mtime, size) = FileSystem.modificationTimeAndSize(path) else { return nil }
            seconds = mtime.seconds
            nanoseconds = mtime.nanoseconds
            self.size = size
        }

        init(seconds: Int, nanoseconds: Int, size: Int) {
            self.seconds = seconds; self.nanoseconds = nanoseconds; self.size = size
        }

        /// From what `stat` told of a file.
        init(_ info: stat) {
            let mtime = FileSystem.modificationTime(of: info)
            self.init(seconds: mtime.seconds, nanoseconds: mtime.nanoseconds, size: Int(info.st_size))
        }

        /// A folder's stamp: its status-change time and inode. Adding, removing or renaming an
        /// entry changes it, and no tool sets it back, as `cp -a`, `rsync -a` or `touch -d` set
        /// modification times back.
        init(folder info: stat) {
            let ctime = FileSystem.changeTime(of: info)
            self.init(seconds: ctime.seconds, nanoseconds: ctime.nanoseconds, size: Int(truncatingIfNeeded: info.st_ino))
        }

        /// What is recorded for a file that is not there.
        static let missing = FileStamp(seconds: 0, nanoseconds: 0, size: 0)
    }

    /// Everything that, when changed, means nothing can be reused (configuration, plugins, kyll).
    var fingerprint: String
    /// The site's files and their stamps: when this changes, documents that use the site re-render.
    var shape: String
    /// The files under the Sass load paths and their stamps (`RebuildPlan.sassInputs`): when this
    /// changes, stylesheets render again (one may import a file it did not find before).
    var sassInputs = ""
    var records: [String: Record]
    /// Every document's key, in the build's order (empty when not known): a build with the same
    /// documents in the same order knows its lists of documents are as they were.
    var documentKeys: [String] = []
    /// What the build left in the destination, when it updated it in place (nil: not known).
    var destination: Destination? = nil
    /// The file the records were read from, if they were.
    var stored: MetadataFile.Stored? = nil
    /// Read from a file: every file the records list as a dependency, each once, with the stamp
    /// they all recorded (nil when not known, or when records recorded different stamps of one file).
    var dependencies: [(path: String, stamp: FileStamp)]? = nil

    /// The destination as a build left it, for the next one to update in place without listing
    /// it whole (see `DestinationFolders`).
    struct Destination: Sendable {
        /// The destination's path.
        var root: String
        /// Every folder in it (relative, "" for itself), with its stamp after the build.
        var folders: [(path: String, stamp: FileStamp)]
        /// The static files copied into it (relative paths), with their sources and stamps.
        var copies: [(path: String, source: String, sourceStamp: FileStamp, written: FileStamp)]
    }

    static func path(_ configuration: Configuration) -> String { configuration.inSource(".jekyll-metadata") }

    /// The metadata a build of this kyll left; nil for none, or a file of another kyll or of Jekyll.
    static func read(_ configuration: Configuration) -> BuildMetadata? {
        guard let bytes = try? FileSystem.read(path(configuration)) else { return nil }
        return MetadataFile.decode(bytes)
    }

    func write(_ configuration: Configuration) {
        try? FileSystem.write(MetadataFile.encode(self), to: BuildMetadata.path(configuration))
    }

    /// The configuration, plugins and theme: a change means a full build.
    static func fingerprint(_ site: SiteSnapshot, plugins: [any JekyllPlugin]) -> String {
        var text = JSON.string(.hash(site.configuration.hash))
        text += "|kyll-2|" + plugins.map(\.name).joined(separator: ",") + "|" + (site.theme?.root ?? "")
        return hash(text)
    }

    /// 64 bits, as hex: enough to tell states apart, not a security measure. Eight bytes a step
    /// (`FastHash`): signatures hash whole lists of keys (`site.posts`'s is ~100 KB at 1000 posts)
    /// and every generated page's content.
    static func hash(_ text: String) -> String {
        var text = text
        return text.withUTF8 { FastHash.hex(FastHash.hash(UnsafeRawBufferPointer($0), seed: 0x6b79_6c6c)) }
    }

    /// A hash of text given in pieces, without joining them first (FNV-1a, 64 bits, as hex).
    struct TextHash {
        private var h: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
        }

        /// The stamp's numbers as eight bytes each (no text made of them: a site's every file is stamped).
        mutating func add(_ stamp: FileStamp?) {
            guard let stamp else { return add("-") }
            add(number: stamp.seconds); add(number: stamp.nanoseconds); add(number: stamp.size)
        }

        private mutating func add(number: Int) {
            var bits = UInt64(bitPattern: Int64(number))
            for _ in 0..<8 {
                h = (h ^ (bits & 0xFF)) &* 0x0000_0100_0000_01B3
                bits >>= 8
            }
        }

        var hex: String { String(h, radix: 16) }
    }
}
