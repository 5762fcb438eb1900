/// Rouge's HTML formatter: each token becomes `<span class="CLS">text</span>`, plain text gets no
/// span, and only `&`, `<` and `>` are escaped. Consecutive tokens of one type share a span,
/// as Rouge's lexers merge them.
enum HTMLFormatter {
    /// `<span class="CLS">` for each token, as bytes.
    static let openTags: [[UInt8]] = Token.allCases.map { Array(#"<span class=""#.utf8) + Array($0.shortName.utf8) + Array(#"">"#.utf8) }
    static let closeTag: [UInt8] = Array("</span>".utf8)
    /// Every piece of markup in one buffer: the open tags by token, then `</span>`, `&amp;`,
    /// `&lt;`, `&gt;`; `pieceStarts[i]..<pieceStarts[i + 1]` is piece `i`.
    static let pieces: [UInt8] = openTags.flatMap { $0 } + closeTag + Array("&amp;&lt;&gt;".utf8)
    static let pieceStarts: [Int] = {
        var starts = [0]
        for tag in openTags { starts.append(starts.last! + tag.count) }
        for n in [closeTag.count, 5, 4, 4] { starts.append(starts.last! + n) }
        return starts
    }()

    static func render(_ runs: [TokenRun], _ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let html = string(runs, bytes)
        out.append(contentsOf: html.utf8)
    }

    /// How many bytes each input byte grows by when escaped (`&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`).
    static let growth: [UInt8] = (0...255).map { $0 == 38 ? 4 : $0 == 60 || $0 == 62 ? 3 : 0 }

    /// The HTML for `runs` over `bytes`, written straight into a string of the exact length.
    static func string(_ runs: [TokenRun], _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let source = bytes.baseAddress, !runs.isEmpty else { return "" }
        return growth.withUnsafeBufferPointer { growth in
            // First pass: the exact length.
            var length = 0
            var i = 0
            while i < runs.count {
                let token = runs[i].token
                if token != .text { length += openTags[Int(token.rawValue)].count + closeTag.count }
                repeat {
                    let a = Int(runs[i].start), b = Int(runs[i].end)
                    var extra = 0
                    for k in a..<b { extra &+= Int(growth[Int(source[k])]) }
                    length += b - a + extra
                    i += 1
                } while i < runs.count && runs[i].token == token
            }
            return write(runs, source, length, growth)
        }
    }

    private static func write(_ runs: [TokenRun], _ source: UnsafePointer<UInt8>, _ length: Int,
                              _ growth: UnsafeBufferPointer<UInt8>) -> String {
        let close = Token.allCases.count, amp = close + 1, lt = close + 2, gt = close + 3
        return pieces.withUnsafeBufferPointer { pieceBytes in
            pieceStarts.withUnsafeBufferPointer { starts in
                String(unsafeUninitializedCapacity: length) { buffer in
                    guard let start = buffer.baseAddress, let markup = pieceBytes.baseAddress else { return 0 }
                    var out = start
                    @inline(__always) func put(_ piece: Int) {
                        let a = starts[piece], n = starts[piece + 1] - a
                        out.update(from: markup + a, count: n)
                        out += n
                    }
                    var i = 0
                    while i < runs.count {
                        let token = runs[i].token
                        if token != .text { put(Int(token.rawValue)) }
                        repeat {
                            // Copy plain stretches whole; replace the three special bytes.
                            var plain = Int(runs[i].start)
                            let end = Int(runs[i].end)
                            for k in plain..<end where growth[Int(source[k])] != 0 {
                                out.update(from: source + plain, count: k - plain)
                                out += k - plain
                                switch source[k] {
                                case 38: put(amp)
                                case 60: put(lt)
                                default: put(gt)
                                }
                                plain = k + 1
                            }
                            out.update(from: source + plain, count: end - plain)
                            out += end - plain
                            i += 1
                        } while i < runs.count && runs[i].token == token
                        if token != .text { put(close) }
                    }
                    return out - start
                }
            }
        }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, into out: inout [UInt8]) {
        var plain = a
        for k in a..<b {
            let c = bytes[k]
            guard c == 38 || c == 60 || c == 62 else { continue }
            if plain < k { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<k])) }
            switch c {
            case 38: out.append(38); out.append(97); out.append(109); out.append(112); out.append(59)   // &amp;
            case 60: out.append(38); out.append(108); out.append(116); out.append(59)                   // &lt;
            default: out.append(38); out.append(103); out.append(116); out.append(59)                   // &gt;
            }
            plain = k + 1
        }
        if plain < b { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<b])) }
    }

    /// Escapes text the way Rouge does (`& < >` only).
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buf in
            var out: [UInt8] = []
            out.reserveCapacity(buf.count + 16)
            appendEscaped(buf, 0, buf.count, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
