import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libyaml's event parser over the input, either a private copy or bytes the caller keeps
/// alive for the whole parse (`load` parses within its caller's buffer: no copy per document).
///
/// libyaml keeps pointers into the parser struct and into the input for the whole parse,
/// so both live in memory that outlives every call into libyaml, never on the Swift stack.
final class EventParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event, valid until the next `advance()`.
    let event: UnsafeMutablePointer<yaml_event_t>
    private(set) var input: UnsafeBufferPointer<UInt8>
    /// Whether `input` is this object's copy, freed with it.
    private let ownsInput: Bool
    private var holdsEvent = false
    private var initialized = false

    /// A parser over its own copy of `bytes` (for a parser that outlives the caller's buffer).
    convenience init(copying bytes: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        if let base = bytes.baseAddress, bytes.count > 0 {
            UnsafeMutableRawBufferPointer(copy).copyMemory(from: UnsafeRawBufferPointer(start: base, count: bytes.count))
        }
        self.init(input: UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count), owned: true)
    }

    /// A parser over `bytes` themselves: the caller keeps them alive and unchanged until this
    /// parser is gone.
    convenience init(borrowing bytes: UnsafeRawBufferPointer) {
        guard bytes.baseAddress != nil, bytes.count > 0 else {
            // libyaml needs a pointer even to read nothing from.
            self.init(copying: bytes)
            return
        }
        self.init(input: bytes.assumingMemoryBound(to: UInt8.self), owned: false)
    }

    private init(input: UnsafeBufferPointer<UInt8>, owned: Bool) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        self.input = input
        ownsInput = owned
        initialized = yaml_parser_initialize(parser) != 0
        if initialized {
            // Psych hands libyaml a UTF-8 Ruby string with the encoding set, so libyaml
            // does not sniff for UTF-16 byte order marks; do the same.
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, input.baseAddress!, input.count)
            preloadPrintableASCII()
        }
    }

    /// libyaml's reader decodes and checks its input a character at a time into a buffer of its
    /// own (~20 instructions a byte, a sixth of a front matter's parse). Printable ASCII, which
    /// it would accept and copy unchanged, is put there at once as the reader leaves its buffer
    /// at the end of the input: the text and a NUL, every byte an unread character, the input
    /// used up. The reader then has nothing left to do; anything else it reads itself. This
    /// relies on libyaml 0.2.x's reader fields (`buffer`, `unread`, `offset`, `eof`) meaning what
    /// they mean there.
    private func preloadPrintableASCII() {
        let buffer = parser.pointee.buffer
        guard let start = buffer.start, let end = buffer.end, input.count < end - start,
              parser.pointee.raw_buffer.pointer == parser.pointee.raw_buffer.last,
              Self.isPrintableASCII(input) else { return }
        UnsafeMutableRawPointer(start).copyMemory(from: input.baseAddress!, byteCount: input.count)
        start[input.count] = 0
        parser.pointee.buffer.last = start + input.count + 1
        parser.pointee.unread = input.count + 1
        parser.pointee.offset = input.count
        parser.pointee.eof = 1
    }

    /// Whether every byte is one libyaml's reader takes as it is: tab, line feed, carriage return
    /// or `0x20`–`0x7E`. Eight bytes at a time, each byte's test exact (no borrow crosses bytes):
    /// looking byte by byte at each word with a line's end cost ~450 instructions a front matter.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each byte of `word` (all below 0x80) equal to `byte`.
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let t = word ^ (UInt64(byte) &* ones)
            return ~((t &+ lowBits) | t) & highBits
        }
        var i = 0
        while i &+ 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // a byte ≥ 0x80 (the tests below take none)
            if word & highBits != 0 { return false }
            // bytes below 0x20 (the high bit survives subtracting from each byte with it set)
            // and 0x7F (the only one adding 1 gives the high bit), but for tab, line feed and
            // carriage return
            let control = (~((word | highBits) &- 0x20 &* ones) | (word &+ ones)) & highBits
            // Most words of a front matter hold no line's end: the three exceptions only for those
            // that have a control byte.
            if control != 0, control & ~(equal(word, 0x09) | equal(word, 0x0A) | equal(word, 0x0D)) != 0 {
                return false
            }
            i &+= 8
        }
        while i < raw.count {
            if !isPrintableASCII(bytes[i]) { return false }
            i &+= 1
        }
        return true
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        if initialized { yaml_parser_delete(parser) }
        event.deallocate()
        parser.deallocate()
        if ownsInput { input.deallocate() }
    }

    /// Moves to the next event; false when libyaml reports an error (see `failure`).
    func advance() -> Bool {
        if holdsEvent { releaseEvent() }
        guard initialized, yaml_parser_parse(parser, event) != 0 else { return false }
        holdsEvent = true
        return true
    }

    /// Frees what the current event holds, as `yaml_event_delete` does, but for the events that
    /// hold nothing (ends, collections without a tag or anchor: half a front matter's events) and
    /// a plain scalar's value freed straight away (`yaml_event_delete` cost ~70 instructions an
    /// event). The event is not cleared: `yaml_parser_parse` clears it before anything else. This
    /// relies on libyaml 0.2.x allocating with `malloc`, as `restart` relies on its fields.
    private func releaseEvent() {
        holdsEvent = false
        let current = event.pointee
        switch current.type {
        case YAML_STREAM_START_EVENT, YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT,
             YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return
        case YAML_SCALAR_EVENT where current.data.scalar.tag == nil && current.data.scalar.anchor == nil:
            free(current.data.scalar.value)
        case YAML_SEQUENCE_START_EVENT where current.data.sequence_start.tag == nil && current.data.sequence_start.anchor == nil:
            return
        case YAML_MAPPING_START_EVENT where current.data.mapping_start.tag == nil && current.data.mapping_start.anchor == nil:
            return
        default:
            yaml_event_delete(event)
        }
    }

    /// Starts again on `bytes`, which the caller keeps alive and unchanged until this parser is
    /// restarted or gone, as a new parser would but with libyaml's buffers, token queue and stacks
    /// kept (setting them up and freeing them, eight allocations and frees, one of 48 KiB, was
    /// ~3,000 instructions a front matter). False, with the parser unchanged, for a parser over
    /// its own copy, one that met an error, one holding tag directives (a document left before
    /// its end) and for no bytes: the caller makes a new parser then. This relies on libyaml
    /// 0.2.x's fields meaning what they mean there, as `preloadPrintableASCII` does.
    func restart(borrowing bytes: UnsafeRawBufferPointer) -> Bool {
        guard initialized, !ownsInput, let base = bytes.baseAddress, bytes.count > 0 else { return false }
        let kept = parser.pointee
        guard kept.error == YAML_NO_ERROR, kept.tag_directives.top == kept.tag_directives.start,
              kept.aliases.start == nil, kept.document == nil else { return false }
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        // Tokens scanned ahead of the last event, as `yaml_parser_delete` frees them.
        var token = kept.tokens.head
        while let t = token, t != kept.tokens.tail {
            yaml_token_delete(t)
            token = t + 1
        }
        // All zero, as `yaml_parser_initialize` starts, then the memory it would allocate, empty.
        parser.pointee = yaml_parser_t()
        parser.pointee.raw_buffer.start = kept.raw_buffer.start
        parser.pointee.raw_buffer.end = kept.raw_buffer.end
        parser.pointee.raw_buffer.pointer = kept.raw_buffer.start
        parser.pointee.raw_buffer.last = kept.raw_buffer.start
        parser.pointee.buffer.start = kept.buffer.start
        parser.pointee.buffer.end = kept.buffer.end
        parser.pointee.buffer.pointer = kept.buffer.start
        parser.pointee.buffer.last = kept.buffer.start
        parser.pointee.tokens.start = kept.tokens.start
        parser.pointee.tokens.end = kept.tokens.end
        parser.pointee.tokens.head = kept.tokens.start
        parser.pointee.tokens.tail = kept.tokens.start
        parser.pointee.indents.start = kept.indents.start
        parser.pointee.indents.end = kept.indents.end
        parser.pointee.indents.top = kept.indents.start
        parser.pointee.simple_keys.start = kept.simple_keys.start
        parser.pointee.simple_keys.end = kept.simple_keys.end
        parser.pointee.simple_keys.top = kept.simple_keys.start
        parser.pointee.states.start = kept.states.start
        parser.pointee.states.end = kept.states.end
        parser.pointee.states.top = kept.states.start
        parser.pointee.marks.start = kept.marks.start
        parser.pointee.marks.end = kept.marks.end
        parser.pointee.marks.top = kept.marks.start
        parser.pointee.tag_directives.start = kept.tag_directives.start
        parser.pointee.tag_directives.end = kept.tag_directives.end
        parser.pointee.tag_directives.top = kept.tag_directives.start
        input = bytes.assumingMemoryBound(to: UInt8.self)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        preloadPrintableASCII()
        return true
    }

    var eventType: yaml_event_type_t { event.pointee.type }

    /// Where the current event starts: 0-based line and column.
    var eventStart: (line: Int, column: Int) {
        (Int(event.pointee.start_mark.line), Int(event.pointee.start_mark.column))
    }

    /// What libyaml said when `advance()` failed.
    struct Failure {
        var problem: String
        var problemLine: Int
        var problemColumn: Int
        var context: String?
        var contextLine: Int
        var contextColumn: Int
    }

    var failure: Failure {
        guard initialized else {
            return Failure(problem: "cannot initialize the YAML parser (out of memory)",
                           problemLine: 0, problemColumn: 0, context: nil, contextLine: 0, contextColumn: 0)
        }
        let state = parser.pointee
        var problem = state.problem.map { String(cString: $0) } ?? "unknown YAML error"
        var line = Int(state.problem_mark.line)
        var column = Int(state.problem_mark.column)
        if state.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset and no mark.
            (line, column) = position(ofByte: Int(state.problem_offset))
            if state.problem_value != -1 {
                let hex = String(UInt8(truncatingIfNeeded: state.problem_value), radix: 16, uppercase: true)
                problem += " (byte 0x" + (hex.count < 2 ? "0" : "") + hex + ")"
            }
        }
        return Failure(problem: problem, problemLine: line, problemColumn: column,
                       context: state.context.map { String(cString: $0) },
                       contextLine: Int(state.context_mark.line), contextColumn: Int(state.context_mark.column))
    }

    /// 0-based line and column (in Unicode scalars) of a byte offset in the input.
    private func position(ofByte offset: Int) -> (Int, Int) {
        var line = 0
        var column = 0
        for byte in input.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
