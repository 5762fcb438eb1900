import Liquid
import YAML

/// YAML text (configuration, front matter, data files) as template values, with errors located in
/// the file the text came from.
enum YAMLLoading {
    /// Why a text did not load: the located error, and whether it was one of the bounds on alias
    /// expansion and nesting (which Jekyll does not survive either: it overflows its stack).
    struct Failure: Error {
        var error: BuildError
        var exceededBound: Bool
    }

    /// `firstLine` is the line of the file the text starts on; `file` is the whole file's text when
    /// the YAML is only part of it (front matter), for showing the line of an error.
    static func load(_ text: some StringProtocol, path: String, firstLine: Int, clock: SiteClock,
                     file: String? = nil) throws(BuildError) -> Value {
        do {
            return try attempt(text, path: path, firstLine: firstLine, clock: clock, file: file)
        } catch {
            throw error.error
        }
    }

    /// `load`, telling a bound exceeded from a mistake in the text.
    static func attempt(_ text: some StringProtocol, path: String, firstLine: Int, clock: SiteClock,
                        file: String? = nil) throws(Failure) -> Value {
        do {
            return YAMLConversion.value(try loadInPlace(text, path: path, firstLine: firstLine), clock: clock)
        } catch {
            func sourceLine(_ number: Int) -> String? {
                guard number > 0 else { return nil }
                return file.flatMap { BuildError.line(number, of: $0) } ?? BuildError.line(number - firstLine + 1, of: String(text))
            }
            var located = BuildError(error.message, at: FileLocation(path: path, line: error.line, column: error.column),
                                     sourceLine: sourceLine(error.line))
            if let context = error.context {
                // libyaml notices an unclosed bracket where the next thing goes wrong; say where it opened.
                let what = context.description.replacingOccurrences(of: "while parsing ", with: "")
                located.notes.append(BuildError.Note("\(what) started here",
                                                     at: FileLocation(path: path, line: context.line, column: context.column),
                                                     sourceLine: sourceLine(context.line)))
            }
            let bound = error.kind == .aliasExpansionLimit || error.kind == .depthLimit
            throw Failure(error: located, exceededBound: bound)
        }
    }

    /// The value of YAML bytes that load, or nil for any error (the caller takes a path that
    /// reports it).
    static func valueIfValid(_ bytes: UnsafeRawBufferPointer, path: String, clock: SiteClock,
                             parsers: FrontMatterParsers? = nil) -> Value? {
        // Plain front matter (nearly all of it) becomes values as libyaml reports its nodes.
        var visitor = LiquidValueVisitor(clock: clock)
        let visited = FrontMatterParsers.visit(bytes, with: parsers, &visitor)
        if visited { return visitor.root }
        guard let loaded = try? YAML.load(bytes: bytes, file: path, firstLine: 1) else { return nil }
        return YAMLConversion.value(loaded, clock: clock)
    }

    /// Plain front matter's pairs merged into a document's `data` as they are read, the way
    /// `DataMerge.merge` merges the front matter's hash, but for reading its date (`mergedDate`
    /// says whether to). False, with `data` merged into in part, when the bytes are not a plain
    /// mapping or an empty document (the caller starts its data again and loads them on their own).
    static func mergeIfPlain(_ bytes: UnsafeRawBufferPointer, into data: inout OrderedHash, clock: SiteClock,
                             mergedDate: inout Bool, parsers: FrontMatterParsers? = nil) -> Bool {
        var visitor = LiquidValueVisitor(clock: clock, mergesRoot: true)
        // Swapped in and out: a second reference would make the first merged pair copy the hash.
        swap(&visitor.data, &data)
        let visited = FrontMatterParsers.visit(bytes, with: parsers, &visitor)
        swap(&visitor.data, &data)
        mergedDate = visitor.mergedDate
        // a root mapping (merged) and an empty document both leave no root value
        return visited && visitor.root.isNil
    }

    /// Loads the text's own bytes when they are contiguous (front matter is a slice of the file's
    /// text), without copying them into a string of their own first.
    private static func loadInPlace(_ text: some StringProtocol, path: String, firstLine: Int) throws(YAMLError) -> YAMLValue {
        let loaded = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(YAMLError) in
                try YAML.load(bytes: UnsafeRawBufferPointer(bytes), file: path, firstLine: firstLine)
            }
        }
        if let loaded { return try loaded.get() }
        return try YAML.load(String(text), file: path, firstLine: firstLine)
    }
}

/// The libyaml parsers the workers of one reading use for front matter, each taken for one
/// document and given back: a parser made and freed per document cost ~3,000 instructions
/// (`YAMLReusableParser`). Holds at most one parser per thread that read at once.
final class FrontMatterParsers: Sendable {
    private let spare = Locked<[YAMLReusableParser]>([])

    init() {}

    /// `YAML.visitPlain` of the bytes with a parser of `parsers`, or a parser of its own without.
    static func visit(_ bytes: UnsafeRawBufferPointer, with parsers: FrontMatterParsers?,
                      _ visitor: inout some YAMLPlainVisitor) -> Bool {
        guard let parsers else { return YAML.visitPlain(bytes: bytes, &visitor) }
        let parser = parsers.spare.withLock { $0.popLast() } ?? YAMLReusableParser()
        let visited = YAML.visitPlain(bytes: bytes, reusing: parser, &visitor)
        parsers.spare.withLock { $0.append(parser) }
        return visited
    }
}
