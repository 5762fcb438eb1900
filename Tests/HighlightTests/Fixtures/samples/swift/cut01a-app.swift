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
        guard let other = 