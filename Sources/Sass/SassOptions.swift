/// How to compile a stylesheet: libsass's options, named for what they do.
/// The defaults are libsass's own (nested style, precision 10, no source map).
public struct SassOptions: Sendable, Hashable {
    public enum Syntax: Sendable, Hashable {
        /// `.scss`
        case scss
        /// The indented syntax of `.sass` files.
        case indented
    }

    public enum OutputStyle: String, Sendable, Hashable, CaseIterable {
        case nested, expanded, compact, compressed
    }

    /// What libsass writes about the source map.
    public struct SourceMap: Sendable, Hashable {
        /// Where the map will be written; `sources` and `file` in the map, and the
        /// `sourceMappingURL` comment, are relative to it.
        public var file: String
        /// Put every source's text into the map (`sourcesContent`).
        public var includeContents: Bool
        /// Put the whole map into the CSS as a data URL instead of a file reference.
        public var embed: Bool
        /// Leave the `/*# sourceMappingURL=… */` comment out of the CSS.
        public var omitURL: Bool
        /// The map's `sourceRoot`, when set.
        public var root: String?
        /// Write sources as `file://` URLs instead of relative paths.
        public var fileURLs: Bool

        public init(file: String, includeContents: Bool = false, embed: Bool = false, omitURL: Bool = false,
                    root: String? = nil, fileURLs: Bool = false) {
            self.file = file
            self.includeContents = includeContents
            self.embed = embed
            self.omitURL = omitURL
            self.root = root
            self.fileURLs = fileURLs
        }
    }

    public var syntax: Syntax
    public var style: OutputStyle
    /// Folders `@import` searches, in order, after the importing file's own folder.
    public var loadPaths: [String]
    /// Digits after the decimal point in numbers; nil keeps libsass's default (10).
    public var precision: Int?
    /// The path of the source text: named in errors and the source map, and its folder
    /// is where the main file's `@import`s look first. Nil means libsass's `stdin`.
    public var inputPath: String?
    /// The path of the CSS (the source map's `file` is relative to the map). Nil means
    /// the input path with `.css`.
    public var outputPath: String?
    /// `/* line N, file */` comments before each rule.
    public var sourceComments: Bool
    /// Nil: no source map.
    public var sourceMap: SourceMap?
    /// Refuse `@import`s that resolve to a file outside the load paths and the input's
    /// folder (following symbolic links), instead of reading any file on the machine.
    public var restrictImports: Bool

    public init(syntax: Syntax = .scss, style: OutputStyle = .nested, loadPaths: [String] = [],
                precision: Int? = nil, inputPath: String? = nil, outputPath: String? = nil,
                sourceComments: Bool = false, sourceMap: SourceMap? = nil, restrictImports: Bool = true) {
        self.syntax = syntax
        self.style = style
        self.loadPaths = loadPaths
        self.precision = precision
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.sourceComments = sourceComments
        self.sourceMap = sourceMap
        self.restrictImports = restrictImports
    }
}

/// A compiled stylesheet.
public struct SassOutput: Sendable, Hashable {
    public var css: String
    /// The source map JSON, when one was asked for.
    public var sourceMap: String?
    /// Absolute paths of every file the compilation read (the input itself excluded
    /// when it was given as text).
    public var includedFiles: [String]
}

/// A failed compilation, located in the file where the problem is (a partial, when the
/// error is in one).
public struct SassError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file with the error: the input path (or `stdin`) or the partial's absolute path.
    public var file: String?
    /// 1-based; 0 when libsass gives no position.
    public var line: Int
    /// 1-based; 0 when libsass gives no position.
    public var column: Int
    /// The problem alone, e.g. `Undefined variable: "$x".`
    public var message: String
    /// libsass's full report: `Error: …`, the position, the source line and a caret —
    /// the text Jekyll shows (sassc-ruby's error message).
    public var formatted: String

    public init(file: String?, line: Int, column: Int, message: String, formatted: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.formatted = formatted
    }

    /// `file:line:col: error: message`, the form kyll prints.
    public var description: String {
        var text = file ?? "stdin"
        if line > 0 { text += ":\(line):\(column)" }
        return text + ": error: " + message
    }
}
