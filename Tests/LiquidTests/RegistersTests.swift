import Testing
@testable import Liquid

@Suite struct RegistersTests {
    enum Counter: RegisterKey { static var defaultValue: Int { 0 } }
    enum Name: RegisterKey { static var defaultValue: String? { nil } }

    @Test func unsetKeysReadTheirDefaults() {
        let registers = Registers()
        #expect(registers[Counter.self] == 0)
        #expect(registers[Name.self] == nil)
        #expect(!registers.contains(Counter.self))
    }

    @Test func eachKeyKeepsItsOwnValue() {
        var registers = Registers()
        registers[Counter.self] = 3
        registers[Name.self] = "page"
        registers[Counter.self] += 1
        #expect(registers[Counter.self] == 4)
        #expect(registers[Name.self] == "page")
        #expect(registers.contains(Name.self))
    }

    /// Boxes are changed in place only when no copy shares them: a copy is a value.
    @Test func copiesDoNotSeeEachOthersChanges() {
        var original = Registers()
        original[Counter.self] = 1
        var copy = original
        copy[Counter.self] = 2
        #expect(original[Counter.self] == 1)
        #expect(copy[Counter.self] == 2)
        original[Counter.self] = 5
        #expect(copy[Counter.self] == 2)
        #expect(original[Counter.self] == 5)
    }
}
