/// Tables: the row-group tags and the cells with their column alignment.
extension HTMLConverter {
    static func tableTag(_ k: Element.Kind) -> StaticString {
        switch k {
        case .table: return "table"
        case .thead: return "thead"
        case .tbody: return "tbody"
        case .tfoot: return "tfoot"
        default: return "tr"
        }
    }

    func tableCell(_ el: Element, _ indent: Int) {
        let isHead = stack.count >= 2 && stack[stack.count - 2].kind == .thead
        let tag: StaticString = isHead ? "th" : "td"
        let alignment = cellAlignment(el)
        if el.attrs.isEmpty {
            // most cells: the tag and its alignment style written whole (what `blockHTML` prints
            // for that one attribute), no attribute list built
            out.spaces(indent)
            out.opening(tag)
            switch alignment {
            case .none: break
            case .left: out.append(" style=\"text-align: left\"")
            case .center: out.append(" style=\"text-align: center\"")
            case .right: out.append(" style=\"text-align: right\"")
            }
            out.append(Byte.gt)
            tableCellBody(el, indent)
            out.closingLine(tag)
            return
        }
        var attrs = el.attrs
        if alignment != .none {
            let a: String
            switch alignment {
            case .left: a = "left"
            case .center: a = "center"
            default: a = "right"
            }
            attrs["style"] = (attrs["style"].map { $0 + "; " } ?? "") + "text-align: " + a
        }
        blockHTML(tag, attrs, indent) { self.tableCellBody(el, indent) }
    }

    /// The column alignment of the cell `el` of the row on top of the stack (its table two
    /// levels below).
    private func cellAlignment(_ el: Element) -> Element.Alignment {
        guard stack.count >= 3, let row = stack.last, let index = row.children.firstIndex(where: { $0 === el }) else { return .none }
        let alignment = stack[stack.count - 3].alignment
        return index < alignment.count ? alignment[index] : .none
    }

    private func tableCellBody(_ el: Element, _ indent: Int) {
        let start = out.count
        if el.spansSimple { simpleSpans(el) } else { inner(el, indent) }
        if out.count == start { out.append(Entity.nbsp.output(options.entityOutput)) }
    }
}
