extension Scan {
    /// Matches `(alt_0|alt_1|…)*` followed by a tail at `i`, the way a backtracking regex engine
    /// does: each iteration tries the alternatives in order, the loop is greedy, and when the tail
    /// fails the engine backs into earlier choices. `alternative(j, k)` is the end of alternative
    /// `k` at `j` (nil when it does not match); `tail(j)` the end of the tail at `j`. Returns the end
    /// of the whole match. Positions known to fail are remembered, so this stays linear.
    func repeatThenTail(from i: Int, alternatives count: Int,
                        _ alternative: (Int, Int) -> Int?, tail: (Int) -> Int?) -> Int? {
        var stack: [(pos: Int, next: Int)] = [(i, 0)]
        var failed = Set<Int>()
        while let (p, k) = stack.last {
            if k < count {
                stack[stack.count - 1].next = k + 1
                if let e = alternative(p, k), e > p, !failed.contains(e) { stack.append((e, 0)) }
                continue
            }
            if let e = tail(p) { return e }
            failed.insert(p)
            stack.removeLast()
        }
        return nil
    }
}
