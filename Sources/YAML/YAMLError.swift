/// Why a YAML text could not be loaded, and where. Lines and columns are 1-based and
/// already shifted to the real file (see `firstLine` on the loaders); columns count
/// Unicode scalars, as libyaml does.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// libyaml refused the text (Psych raises `Psych::SyntaxError`).
        case syntax
        /// The text names a Ruby class Jekyll's safe loading refuses: a `:symbol`,
        /// `!ruby/object:…`, `!!set`, … (Psych raises `Psych::DisallowedClass`).
        case disallowedClass(String)
        /// `*name` with no `&name` before it (Psych raises `Psych::BadAlias`).
        case unknownAlias(String)
        /// An alias used inside the collection it names: Psych builds a cyclic value,
        /// which has no tree form and which Jekyll cannot render.
        case recursiveAlias(String)
        /// A scalar Psych's conversion fails on (`0x_`, `!!float abc`, a timestamp with a
        /// tab): Psych raises `ArgumentError`, `TypeError` or `NoMethodError`.
        case invalidScalar
        /// A Ruby-specific tag whose Ruby object has no YAML value form (`!ruby/encoding`).
        case unsupportedTag(String)
        /// Aliases expanded to more nodes than `YAMLLimits.maxAliasExpansion`.
        case aliasExpansionLimit
        /// Collections nested deeper than `YAMLLimits.maxDepth`.
        case depthLimit
        /// The file could not be read.
        case unreadable
    }

    public var kind: Kind
    /// The path given to the loader, if any.
    public var file: String?
    /// 1-based; 0 when there is no position (an unreadable file).
    public var line: Int
    /// 1-based; 0 when there is no position.
    public var column: Int
    public var message: String
    /// For a syntax error found away from where the construct it broke began: what was being
    /// parsed (`while parsing a flow sequence`) and where that began, 1-based like `line`.
    public var context: Context?

    public struct Context: Sendable, Hashable {
        public var description: String
        public var line: Int
        public var column: Int
    }

    public init(kind: Kind, file: String?, line: Int, column: Int, message: String, context: Context? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.context = context
    }

    /// `path:line:col: error: message`, the form kyll prints.
    public var description: String {
        var text = file ?? "<input>"
        if line > 0 { text += ":\(line):\(column)" }
        return text + ": error: " + message
    }
}

/// Bounds that keep hostile YAML from exhausting memory or the stack of whoever walks
/// the loaded value. Psych has none: it shares aliased objects and overflows its stack
/// near 10,000 levels.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest number of nodes aliases may add to a document, counting each use of
    /// an alias as a full copy of what it names (a "billion laughs" file adds 10^9).
    public var maxAliasExpansion: Int
    /// The deepest nesting of sequences and mappings, counting what aliases bring in.
    public var maxDepth: Int

    public init(maxAliasExpansion: Int = 1_000_000, maxDepth: Int = 1_000) {
        self.maxAliasExpansion = maxAliasExpansion
        self.maxDepth = maxDepth
    }

    public static let `default` = YAMLLimits()
}
