import Foundation
import SwiftUI

/// A user of the app.
@MainActor
public struct User: Codable, Identifiable {
    public let id: UUID
    var name: String
    private(set) var age: Int = 0
    fileprivate var tags: [String] = []
    weak var delegate: AnyObject?
    unowned(unsafe) let owner: Owner

    init(name: String, age: Int) {
        self.id = UUID()
        self.name = name
        self.age = age
    }

    func greeting(for other: User? = nil) -> String {
        guard let other = other else { return "Hello, \(name)!" }
        return "Hi \(other.name), I'm \(name) (\(age + 1))"
    }

    mutating func birthday() async throws {
        age += 1
        try await Task.sleep(nanoseconds: 1_000_000)
    }
}

enum Result<T> { case success(T), failure(Error) }

extension Array where Element: Equatable {
    func unique() -> [Element] {
        var seen: [Element] = []
        for item in self where !seen.contains(item) { seen.append(item) }
        return seen
    }
}

let numbers = [1, 2, 3].map { $0 * 2 }.filter { $0 > 2 }
let (a, b) = (0x1F, 0b1010)
let pi = 3.14159, big = 1e10, oct = 0o17, hex = 0xFFp2
let c: Character = "x"
let ch = 'y'
let s = "tab\t \"quote\" \u{1F600}"
if #available(iOS 15, *) { print(#line, #file) }
let sel = #selector(viewDidLoad)
switch numbers.count {
case 0: break
default: fatalError("unexpected")
}
let x = condition ? first : second
let y = value as? String ?? "none"
let z = try? decode(data)
/* block /* nested */ still comment */
