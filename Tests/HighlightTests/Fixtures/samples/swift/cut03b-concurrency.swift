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

struct Loader<F: Fetcher>: Sendable where F.Item: Codable {
    let fetcher: F
    func loadAll(_ ids: [Int]) async throws -> [F.Item] {
        try await withThrowingTaskGroup(of: F.Item.self) { group in
            for id in ids { group.addTask { try await fetcher.fetch(id: id) } }
            var items: [F.It