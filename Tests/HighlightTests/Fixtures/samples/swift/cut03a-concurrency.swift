import Foundation

actor Counter {
    private var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}

protocol Fetcher: Sendable {
    associatedtype Item
    func fetch(id: Int) async throws -> Item
}

struct Loader<F: Fetcher>: Sendable 