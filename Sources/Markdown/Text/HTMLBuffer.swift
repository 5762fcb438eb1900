/// The converter's output: UTF-8 bytes appended in place, with kramdown's escaping modes written
/// straight into the buffer.
struct HTMLBuffer {
    var bytes: Bytes = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }
    var last: UInt8? { bytes.last }

    @inline(__always) mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

    mutating func append(_ n: Int) { append(String(n)) }

    mutating func spaces(_ n: Int) {
        if n > 0 { bytes.append(contentsOf: repeatElement(Byte.space, count: n)) }
    }

    mutating func truncate(to n: Int) { bytes.removeSubrange(n...) }

    /// ` key="value"` for every attribute (kramdown's `html_attributes`), skipping a blank `id`.
    mutating func attributes(_ attrs: Attributes) {
        for (k, v) in attrs.pairs {
            if k == "id" && v.utf8.allSatisfy({ Byte.isSpace($0) }) { continue }
            bytes.append(Byte.space)
            append(k)
            append("=\"")
            escape(v, mode: .attribute)
            bytes.append(Byte.quote)
        }
    }

    enum EscapeMode { case all, text, attribute }

    /// kramdown's `escape_html`: `&`, `<`, `>` (and `"` in attributes); for text and attributes
    /// an entity reference already written (`&amp;`, `&#60;`) is kept as it is.
    mutating func escape(_ s: String, mode: EscapeMode) {
        var s = s
        s.withUTF8 { src in
            var i = 0
            var start = 0
            let n = src.count
            while i < n {
                let c = src[i]
                let replacement: StaticString
                switch c {
                case Byte.amp:
                    if mode != .all, let end = Escape.referenceEnd(src, i) { i = end; continue }
                    replacement = "&amp;"
                case Byte.lt: replacement = "&lt;"
                case Byte.gt: replacement = "&gt;"
                case Byte.quote where mode == .attribute: replacement = "&quot;"
                default:
                    i += 1
                    continue
                }
                if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<i])) }
                append(replacement)
                i += 1
                start = i
            }
            if n > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<n])) }
        }
    }

    /// Replaces the first occurrence of `marker` with `replacement`.
    mutating func replaceFirst(_ marker: String, with replacement: Bytes) {
        let m = Array(marker.utf8)
        guard let first = m.first, bytes.count >= m.count else { return }
        var i = 0
        while i + m.count <= bytes.count {
            if bytes[i] == first, bytes[i..<i + m.count].elementsEqual(m) {
                bytes.replaceSubrange(i..<i + m.count, with: replacement)
                return
            }
            i += 1
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
