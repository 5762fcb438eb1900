/// The token runs a lexer emits, appended to a buffer of its own: an emit happens for nearly
/// every token, and an `Array` append called out for its uniqueness and capacity checks each
/// time. One store belongs to one highlight call, so its fields skip the exclusivity checks.
final class RunStore {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<TokenRun>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    /// Whether each run starts at or after the end of the one before: `emit` only moves
    /// forward, and `Scan.within` clears it when a window starts before the position or the
    /// runs made in it end past its end.
    @exclusivity(unchecked) var inOrder = true

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ run: TokenRun) {
        if count == capacity { grow() }
        (base + count).initialize(to: run)
        count &+= 1
    }

    @inline(never)
    private func grow() {
        let bigger = UnsafeMutablePointer<TokenRun>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    var runs: UnsafeBufferPointer<TokenRun> { UnsafeBufferPointer(start: base, count: count) }
}
