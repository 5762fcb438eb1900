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

extension Element {
    /// `extra`, made when an element first needs one.
    private var extras: Extra {
        if let e = extra { return e }
        let e = Extra()
        extra = e
        return e
    }

    var entity: Entity? { get { extra?.entity } set { extras.entity = newValue } }
    var original: String? { get { extra?.original } set { extras.original = newValue } }
    /// The block or span IAL given to this element, applied to `attrs` after parsing (in `extra`:
    /// few elements have one, and the others then release none).
    var ial: IAL? {
        get { extra?.ial }
        set { if newValue != nil || extra != nil { extras.ial = newValue } }
    }
    /// Headers and terms: the text their id is made from (most GFM headers have none:
    /// `TreeUpdate.updateBlock`).
    var rawText: String? {
        get { extra?.rawText }
        set { if newValue != nil || extra != nil { extras.rawText = newValue } }
    }
    /// Code blocks: the language word of a fence.
    var lang: String? { get { extra?.lang } set { extras.lang = newValue } }
    var alignment: [Alignment] { get { extra?.alignment ?? [] } set { extras.alignment = newValue } }
    /// `:raw` elements: the `type` list of `{::nomarkdown type="…"}`.
    var rawTypes: [String] { get { extra?.rawTypes ?? [] } set { extras.rawTypes = newValue } }
}
