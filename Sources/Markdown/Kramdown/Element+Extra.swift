extension Element {
    /// The rarely used kind-specific data, in an object of its own (`extra`) so most elements
    /// stay small.
    final class Extra {
        var entity: Entity?
        var original: String?
        var lang: String?
        var alignment: [Alignment] = []
        var rawTypes: [String] = []
        var ial: IAL?
        var rawText: String?
    }
}
