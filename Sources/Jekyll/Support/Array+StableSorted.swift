extension Array {
    /// Sorting that keeps the original order of equal elements.
    public func stableSorted(by less: (Element, Element) -> Bool) -> [Element] {
        // Positions sorted (a concrete `[Int]` sort, not the generic one over enumerated pairs).
        var order = [Int](0..<count)
        order.sort { i, j in
            if less(self[i], self[j]) { return true }
            if less(self[j], self[i]) { return false }
            return i < j
        }
        return order.map { self[$0] }
    }
}
