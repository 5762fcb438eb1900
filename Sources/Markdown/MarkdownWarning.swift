import Foundation

/// Something kramdown warns about while converting (a duplicate footnote, an unclosed HTML tag, a
/// link id with no definition …), with the line of the Markdown it concerns.
public struct MarkdownWarning: Sendable, Equatable, CustomStringConvertible {
    /// How kramdown works the line number into its message, which differs from one warning to another.
    public enum LineClause: Sendable, Equatable {
        /// No line in kramdown's text.
        case none
        /// `… on line 4 …`
        case onLine
        /// `… (line 4) …`
        case parenthesized
    }

    /// The 1-based line of the converted Markdown the warning concerns.
    public var line: Int
    /// The message without a line number: `Duplicate footnote name '1' - overwriting`.
    public var message: String
    /// The message as kramdown words it, line included, as Jekyll logs it after `Kramdown warning:`.
    public var kramdownMessage: String

    /// `head` and `tail` are the message's text before and after where kramdown puts the line;
    /// `kramdownLine` is the line kramdown itself would name, when it names another than `line`.
    init(_ head: String, _ clause: LineClause = .onLine, _ tail: String = "", line: Int, kramdownLine: Int? = nil) {
        self.line = line
        // kramdown's text has a double space where it leaves a name out; the message does not
        message = (head + tail).replacingOccurrences(of: "  ", with: " ")
        let named = kramdownLine ?? line
        switch clause {
        case .none: kramdownMessage = head + tail
        case .onLine: kramdownMessage = head + " on line \(named)" + tail
        case .parenthesized: kramdownMessage = head + " (line \(named))" + tail
        }
    }

    public var description: String { "line \(line): \(message)" }
}
