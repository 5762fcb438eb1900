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

let 