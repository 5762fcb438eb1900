import Liquid
import YAML

/// Template values built straight from a plain YAML document's nodes (`YAML.visitPlain`): the
/// same values `YAMLConversion` makes of the loaded tree, without the tree. Each key is set as it
/// comes, which is what converting the loaded mapping does (its keys are the document's, in order,
/// when none repeats).
struct LiquidValueVisitor: YAMLPlainVisitor {
    let clock: SiteClock
    /// The document's value, once its root node has ended.
    private(set) var root: Value = .nil

    /// An open mapping (`hash`, and the key waiting for its value) or sequence (`items`).
    private struct Open {
        let isMapping: Bool
        var hash = OrderedHash()
        var items: [Value] = []
        var key = ""
    }
    private var open: [Open] = []

    init(clock: SiteClock) {
        self.clock = clock
    }

    mutating func scalar(_ value: YAMLValue) {
        add(YAMLConversion.value(value, clock: clock))
    }

    mutating func key(_ key: String) {
        open[open.count - 1].key = key
    }

    mutating func beginMapping() {
        if open.capacity == 0 { open.reserveCapacity(4) }
        // Room for a front matter's keys at the root; a nested mapping is usually small.
        open.append(Open(isMapping: true, hash: OrderedHash(minimumCapacity: open.isEmpty ? 8 : 4)))
    }

    mutating func beginSequence() {
        // Room for a short list (tags, categories) at once.
        var list = Open(isMapping: false)
        list.items.reserveCapacity(4)
        open.append(list)
    }

    mutating func end() {
        let done = open.removeLast()
        add(done.isMapping ? .hash(done.hash) : .array(done.items))
    }

    /// A finished node into its parent, or as the root.
    private mutating func add(_ value: Value) {
        let last = open.count - 1
        guard last >= 0 else {
            root = value
            return
        }
        if open[last].isMapping {
            let key = open[last].key
            open[last].hash[key] = value
        } else {
            open[last].items.append(value)
        }
    }
}
