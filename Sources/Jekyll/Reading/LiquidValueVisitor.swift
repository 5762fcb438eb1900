import Liquid
import YAML

/// Template values built straight from a plain YAML document's nodes (`YAML.visitPlain`): the
/// same values `YAMLConversion` makes of the loaded tree, without the tree. Each key is set as it
/// comes, which is what converting the loaded mapping does (its keys are the document's, in order,
/// when none repeats).
struct LiquidValueVisitor: YAMLPlainVisitor {
    let clock: SiteClock
    /// The document's value, once its root node has ended (nil for a mapping merged into `data`).
    private(set) var root: Value = .nil
    /// Whether a root mapping's pairs are merged into `data` (`DataMerge.mergePair`) as they end,
    /// instead of making a hash of their own: front matter goes straight into a document's data.
    private let mergesRoot: Bool
    /// What the root mapping's pairs are merged into, with `mergesRoot`.
    var data = OrderedHash()
    /// Whether one of the merged keys was `date` (which the merge then reads as a time).
    private(set) var mergedDate = false

    /// An open mapping (`hash`, and the key waiting for its value) or sequence (`items`). The
    /// hash is optional so that a sequence, and the root mapping merged into `data`, hold none:
    /// an empty one retained and released cost ~80 instructions a list.
    private struct Open {
        let isMapping: Bool
        var hash: OrderedHash?
        var items: [Value] = []
        var key = ""
    }
    private var open: [Open] = []

    init(clock: SiteClock, mergesRoot: Bool = false) {
        self.clock = clock
        self.mergesRoot = mergesRoot
    }

    mutating func scalar(_ value: YAMLValue) {
        add(YAMLConversion.value(value, clock: clock))
    }

    mutating func key(_ key: String) {
        open[open.count - 1].key = key
    }

    mutating func beginMapping() {
        if open.capacity == 0 { open.reserveCapacity(4) }
        if mergesRoot && open.isEmpty {
            // Its pairs go into `data`: no hash of its own.
            open.append(Open(isMapping: true))
            return
        }
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
        // the root mapping's pairs are in `data` already; `root` stays nil
        if mergesRoot && open.isEmpty && done.isMapping { return }
        add(done.isMapping ? .hash(done.hash ?? OrderedHash()) : .array(done.items))
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
            if mergesRoot && last == 0 {
                if DataMerge.mergePair(&data, key: key, value: value) { mergedDate = true }
                return
            }
            open[last].hash![key] = value
        } else {
            open[last].items.append(value)
        }
    }
}
