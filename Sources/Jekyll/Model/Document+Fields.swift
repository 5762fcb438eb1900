import Liquid

extension Document {
    /// A document's fields in one box shared by its copies until one of them changes (copy on
    /// write, as Swift's own collections do). Documents are copied wherever they are read out of an
    /// array — sorting posts, planning a rebuild, generating pages, rendering — and copying twenty
    /// strings and hashes one retain each was a quarter of a `kyll serve` rebuild; now a copy is
    /// one retain.
    ///
    /// `@unchecked Sendable`: a box is changed only through `Document.uniqueFields()`, that is by
    /// the one document holding it, so no two threads ever see it change. For the same reason no
    /// access to a field can overlap another's: the fields are not checked for exclusivity at run
    /// time (each read of a document's field was a call into the runtime's access tracking).
    final class Fields: @unchecked Sendable {
        @exclusivity(unchecked) var kind: Kind
        @exclusivity(unchecked) var path: String
        @exclusivity(unchecked) var relativePath: String
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var extname: String
        @exclusivity(unchecked) var basename: String
        @exclusivity(unchecked) var directory: String
        @exclusivity(unchecked) var data: OrderedHash
        @exclusivity(unchecked) var defaults: OrderedHash
        @exclusivity(unchecked) var content: String
        /// Whether `content` has `{{` or `{%`, found when it is set: the reader has just read its
        /// bytes then, and the early conversion, the render and the previous document's render
        /// (`layoutInputMayBeRead`) each scanned a post's whole text for it again.
        @exclusivity(unchecked) var contentHasLiquid: Bool
        @exclusivity(unchecked) var contentLine: Int
        @exclusivity(unchecked) var url = ""
        @exclusivity(unchecked) var outputExtension: String
        @exclusivity(unchecked) var date: TimeValue? = nil
        @exclusivity(unchecked) var isDraft = false
        @exclusivity(unchecked) var excerptSource: String? = nil
        @exclusivity(unchecked) var variables = OrderedHash()
        @exclusivity(unchecked) var isGenerated: Bool
        @exclusivity(unchecked) var generator: String? = nil
        @exclusivity(unchecked) var derivedFrom: Int? = nil
        @exclusivity(unchecked) var destinationMemo: DestinationMemo? = nil

        init(kind: Kind, path: String, relativePath: String, name: String, extname: String, basename: String,
             directory: String, data: OrderedHash, defaults: OrderedHash, content: String, contentLine: Int,
             isGenerated: Bool) {
            self.kind = kind
            self.path = path
            self.relativePath = relativePath
            self.name = name
            self.extname = extname
            self.basename = basename
            self.directory = directory
            self.data = data
            self.defaults = defaults
            self.content = content
            contentHasLiquid = Document.hasLiquidConstruct(content)
            self.contentLine = contentLine
            self.outputExtension = extname
            self.isGenerated = isGenerated
        }

        init(copying other: Fields) {
            kind = other.kind
            path = other.path
            relativePath = other.relativePath
            name = other.name
            extname = other.extname
            basename = other.basename
            directory = other.directory
            data = other.data
            defaults = other.defaults
            content = other.content
            contentHasLiquid = other.contentHasLiquid
            contentLine = other.contentLine
            url = other.url
            outputExtension = other.outputExtension
            date = other.date
            isDraft = other.isDraft
            excerptSource = other.excerptSource
            variables = other.variables
            isGenerated = other.isGenerated
            generator = other.generator
            derivedFrom = other.derivedFrom
            destinationMemo = other.destinationMemo
        }
    }

    /// `destinationPath` as worked out, with what it was worked out from.
    struct DestinationMemo: Sendable {
        var url: String
        var outputExtension: String
        var isPage: Bool
        var path: String
    }
}
