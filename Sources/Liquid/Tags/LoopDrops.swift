/// `forloop`: where a `for` loop is. Mutated only by the loop that owns it, on the rendering thread.
final class ForloopDrop: Drop, @unchecked Sendable {
    let name: String
    let length: Int
    let parentloop: ForloopDrop?
    @exclusivity(unchecked) var index = 0

    init(name: String, length: Int, parentloop: ForloopDrop?) {
        self.name = name
        self.length = length
        self.parentloop = parentloop
    }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        switch key {
        case "name": return .string(name)
        case "length": return .int(length)
        case "index": return .int(index + 1)
        case "index0": return .int(index)
        case "rindex": return .int(length - index)
        case "rindex0": return .int(length - index - 1)
        case "first": return .bool(index == 0)
        case "last": return .bool(index == length - 1)
        case "parentloop": return parentloop.map { .drop($0) } ?? .nil
        default: return nil
        }
    }

    var keys: [String] { ["first", "index", "index0", "last", "length", "rindex", "rindex0", "name", "parentloop"] }
    var typeName: String { "Liquid::ForloopDrop" }
}

/// `tablerowloop`: where a `tablerow` loop is, with its row and column.
final class TablerowloopDrop: Drop, @unchecked Sendable {
    let length: Int
    let cols: Int
    @exclusivity(unchecked) var index = 0
    var row = 1
    var col = 1

    init(length: Int, cols: Int) {
        self.length = length
        self.cols = cols
    }

    func increment() {
        index += 1
        if col == cols {
            col = 1
            row += 1
        } else {
            col += 1
        }
    }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        switch key {
        case "length": return .int(length)
        case "index": return .int(index + 1)
        case "index0": return .int(index)
        case "rindex": return .int(length - index)
        case "rindex0": return .int(length - index - 1)
        case "first": return .bool(index == 0)
        case "last": return .bool(index == length - 1)
        case "col": return .int(col)
        case "col0": return .int(col - 1)
        case "row": return .int(row)
        case "col_first": return .bool(col == 1)
        case "col_last": return .bool(col == cols)
        default: return nil
        }
    }

    var keys: [String] {
        ["length", "index", "index0", "rindex", "rindex0", "first", "last", "col", "col0", "row", "col_first", "col_last"]
    }

    var typeName: String { "Liquid::TablerowloopDrop" }
}
