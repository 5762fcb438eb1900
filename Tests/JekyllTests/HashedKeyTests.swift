import Jekyll
import Liquid
import Testing
@testable import JekyllPlugins

/// `{% seo %}` reads its page keys with hashes worked out once: they must find what the names find.
@Suite struct HashedKeyTests {
    static let keys: [HashedKey] = [
        .author, .authors, .canonicalURL, .date, .description, .excerpt, .image, .lang, .lastModifiedAt, .locale, .seo,
        .title, .url,
    ]

    @Test func findsWhatTheNameFinds() {
        // More than eight keys: the hash is looked up through its index, not scanned.
        var hash = OrderedHash()
        for (i, key) in Self.keys.enumerated() { hash[key.name] = .int(i) }
        for (i, key) in Self.keys.enumerated() {
            #expect(hash.value(forKey: key.name, hash: key.hash) == .int(i), "\(key.name)")
            #expect(hash.value(forKey: key.name, hash: key.hash) == hash[key.name])
        }
        #expect(OrderedHash([("title", "x")]).value(forKey: HashedKey.url.name, hash: HashedKey.url.hash) == nil)
    }
}
