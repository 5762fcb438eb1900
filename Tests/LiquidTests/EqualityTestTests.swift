import Testing
@testable import Liquid

/// `EqualityTest.holds`: whether a path's value on another page gives the outcome a recording saw.
@Suite struct EqualityTestTests {
    static let url = VariableLookup.path("page", ["url"])

    @Test func equalityComparesEitherSideAndItsOutcome() {
        let wasEqual = EqualityTest(path: Self.url, other: .string("/a/"), pathOnLeft: true, equal: true)
        #expect(wasEqual.holds(for: .string("/a/")))
        #expect(!wasEqual.holds(for: .string("/b/")))
        let wasUnequal = EqualityTest(path: Self.url, other: .string("/a/"), pathOnLeft: false, equal: false)
        #expect(wasUnequal.holds(for: .string("/b/")))
        #expect(!wasUnequal.holds(for: .string("/a/")))
    }

    /// A pinned value must be the same one, not just an equal one: `1 == 1.0` prints differently.
    @Test func exactTestsWantTheSameValue() {
        let pinned = EqualityTest(path: Self.url, other: .int(1), pathOnLeft: true, equal: true, exact: true)
        #expect(pinned.holds(for: .int(1)))
        #expect(!pinned.holds(for: .float(1)))
        #expect(!EqualityTest(path: Self.url, other: .int(1), pathOnLeft: true, equal: true).holds(for: .int(2)))
        #expect(EqualityTest(path: Self.url, other: .int(1), pathOnLeft: true, equal: true).holds(for: .float(1)))
    }
}
