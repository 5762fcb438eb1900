extension Lexer {
    public static let plainText = Lexer("plaintext", title: "Plain Text", aliases: ["text"]) { PlainTextTokenizer() }
}

/// The whole input is one plain-text token.
final class PlainTextTokenizer: Tokenizer {
    func lex(_ s: inout Scan) { s.emit(.text, to: s.end) }
}
