#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading YAML the way Jekyll does: Ruby's
/// `Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true)`.
///
/// Like `safe_load`, the loaders read the first document only and stop there (what
/// follows is not even parsed); an empty text or empty document is `.null`.
public enum YAML {
    /// Loads the first document of `text`.
    /// - Parameters:
    ///   - file: the path put into errors.
    ///   - firstLine: the file line `text` starts on (2 for front matter after `---`), so
    ///     error lines are the file's.
    public static func load(_ text: String, file: String? = nil, firstLine: Int = 1,
                            limits: YAMLLimits = .default) throws(YAMLError) -> YAMLValue {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(YAMLError) in
                try load(bytes: UnsafeRawBufferPointer(bytes), file: file, firstLine: firstLine, limits: limits)
            }
        }.get()
    }

    /// Loads the first document of UTF-8 `bytes`.
    public static func load(bytes: UnsafeRawBufferPointer, file: String? = nil, firstLine: Int = 1,
                            limits: YAMLLimits = .default) throws(YAMLError) -> YAMLValue {
        // The parse ends within this call, so libyaml reads the caller's bytes in place.
        var loader = Loader(parser: EventParser(borrowing: bytes), file: file, firstLine: firstLine, limits: limits)
        return try loader.nextDocument() ?? .null
    }

    /// Loads the first document of UTF-8 `bytes`.
    public static func load(bytes: [UInt8], file: String? = nil, firstLine: Int = 1,
                            limits: YAMLLimits = .default) throws(YAMLError) -> YAMLValue {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(YAMLError) in
                try load(bytes: buffer, file: file, firstLine: firstLine, limits: limits)
            }
        }.get()
    }

    /// Loads every document of `text` (Psych's `load_stream` with the safe rules).
    public static func loadAll(_ text: String, file: String? = nil, firstLine: Int = 1,
                               limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLValue] {
        var text = text
        let parser = text.withUTF8 { EventParser(copying: UnsafeRawBufferPointer($0)) }
        var loader = Loader(parser: parser, file: file, firstLine: firstLine, limits: limits)
        var documents: [YAMLValue] = []
        while let document = try loader.nextDocument() { documents.append(document) }
        return documents
    }

    /// Reads a whole file (a config or data file) and loads its first document; errors
    /// name `path`.
    public static func loadFile(atPath path: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLValue {
        let bytes = try readFile(atPath: path)
        return try load(bytes: bytes, file: path, firstLine: 1, limits: limits)
    }

    /// The bytes of a file, read with POSIX calls.
    static func readFile(atPath path: String) throws(YAMLError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func unreadable(_ path: String) -> YAMLError {
        let reason = String(cString: strerror(errno))
        return YAMLError(kind: .unreadable, file: path, line: 0, column: 0, message: "cannot read the file: \(reason)")
    }
}
