/// A tokenizer's stack of states in memory of its own: states are pushed, popped and replaced at
/// most steps, and an `Array` called out of line for its uniqueness and capacity checks at each
/// (on the profiles, more than the rules of many states). A tokenizer holds its stack as a `let`,
/// and one tokenizer belongs to one highlight call, so the fields skip the exclusivity checks.
final class StateStack<State> {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<State>
    @exclusivity(unchecked) private(set) var count: Int
    @exclusivity(unchecked) private var capacity: Int

    /// A stack holding `bottom`, and `top` above it when given (no variadic array: one stack is
    /// made for each highlight).
    init(_ bottom: State, _ top: State? = nil) {
        capacity = 8
        base = .allocate(capacity: capacity)
        count = 0
        append(bottom)
        if let top { append(top) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The state on top; the stack must not be empty.
    var top: State {
        @inline(__always) get {
            precondition(count > 0, "empty state stack")
            return base[count &- 1]
        }
        @inline(__always) set {
            precondition(count > 0, "empty state stack")
            base[count &- 1] = newValue
        }
    }

    @inline(__always)
    func append(_ state: State) {
        if count == capacity { grow() }
        (base + count).initialize(to: state)
        count &+= 1
    }

    /// Removes the top state; the stack must not be empty.
    @inline(__always)
    func removeLast() {
        precondition(count > 0, "empty state stack")
        count &-= 1
        (base + count).deinitialize(count: 1)
    }

    /// Leaves only `state` on the stack.
    func reset(to state: State) {
        base.deinitialize(count: count)
        count = 0
        append(state)
    }

    @inline(never)
    private func grow() {
        let bigger = UnsafeMutablePointer<State>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
