/// Reading source files as text the way Jekyll does (`bom|utf-8`): a UTF-8 byte order mark is
/// dropped, line endings are kept as they are, and bytes that are not UTF-8 are an error naming the
/// line they are on.
enum SourceText {
    static func read(_ path: String, displayPath: String) throws(BuildError) -> String {
        // The common case: valid UTF-8 read straight into the string. Anything else takes the
        // byte path below, which drops a mark or locates the first invalid sequence.
        do {
            if let text = try FileSystem.readUTF8String(path), !text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
                return text
            }
        } catch {
            throw BuildError("could not read the file: \(error)", at: FileLocation(path: displayPath, line: 0))
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch {
            throw BuildError("could not read the file: \(error)", at: FileLocation(path: displayPath, line: 0))
        }
        return try decode(bytes, displayPath: displayPath)
    }

    static func decode(_ bytes: [UInt8], displayPath: String) throws(BuildError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Find the first invalid sequence to say where it is.
        var line = 1, column = 1
        var iterator = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        // The line is shown with U+FFFD for each bad sequence, so that the caret (one column per
        // sequence, as counted above) stands under the first one.
        let shown = BuildError.line(line, of: String(decoding: body, as: UTF8.self))
        var error = BuildError("the file is not valid UTF-8", at: FileLocation(path: displayPath, line: line, column: column),
                               sourceLine: shown)
        error.cause = .invalidUTF8
        throw error
    }
}
