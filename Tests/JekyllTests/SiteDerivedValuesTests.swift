@testable import Jekyll
import Testing

/// `SiteDerivedValues` keeps one value per type for a whole build: every render that asks gets
/// the one made first, whichever worker made it, and other types' values never stand in for it.
@Suite struct SiteDerivedValuesTests {
    final class Title: Sendable { let text: String; init(_ text: String) { self.text = text } }
    final class Social: Sendable { let name: String; init(_ name: String) { self.name = name } }
    final class Logo: Sendable { let url: String; init(_ url: String) { self.url = url } }

    @Test func eachTypeKeepsItsFirstValue() {
        let values = SiteDerivedValues()
        let title = values.value(Title.self) { Title("first") }
        let social = values.value(Social.self) { Social("me") }
        let logo = values.value(Logo.self) { Logo("/logo.png") }
        #expect(values.value(Title.self) { Title("second") } === title)
        #expect(values.value(Social.self) { Social("other") } === social)
        #expect(values.value(Logo.self) { Logo("/other.png") } === logo)
        #expect(title.text == "first" && social.name == "me" && logo.url == "/logo.png")
    }

    @Test func aFailedMakeStoresNothing() throws {
        struct Refused: Error {}
        let values = SiteDerivedValues()
        #expect(throws: Refused.self) { try values.value(Title.self) { throw Refused() } }
        #expect(values.value(Title.self) { Title("made after") }.text == "made after")
    }

    @Test(arguments: 1...20) func workersAtOnceAllSeeOneValuePerType(round: Int) async {
        let values = SiteDerivedValues()
        let seen = await withTaskGroup(of: (ObjectIdentifier, ObjectIdentifier, ObjectIdentifier).self) { group in
            for worker in 0..<16 {
                group.addTask {
                    // Workers ask in different orders, so the types race to be published first.
                    let order = worker % 3
                    var ids: [ObjectIdentifier] = []
                    for step in 0..<3 {
                        switch (order + step) % 3 {
                        case 0: ids.append(ObjectIdentifier(values.value(Title.self) { Title("\(worker)") }))
                        case 1: ids.append(ObjectIdentifier(values.value(Social.self) { Social("\(worker)") }))
                        default: ids.append(ObjectIdentifier(values.value(Logo.self) { Logo("\(worker)") }))
                        }
                    }
                    let rotated = (0..<3).map { ids[(3 - order + $0) % 3] }
                    return (rotated[0], rotated[1], rotated[2])
                }
            }
            var all: [(ObjectIdentifier, ObjectIdentifier, ObjectIdentifier)] = []
            for await ids in group { all.append(ids) }
            return all
        }
        #expect(Set(seen.map(\.0)).count == 1)
        #expect(Set(seen.map(\.1)).count == 1)
        #expect(Set(seen.map(\.2)).count == 1)
        #expect(ObjectIdentifier(values.value(Title.self) { Title("late") }) == seen[0].0)
    }
}
