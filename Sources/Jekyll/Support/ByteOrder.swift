#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension String {
    /// Whether `a` comes before `b` in the order of their UTF-8 bytes (Ruby's string order), by
    /// `memcmp`: `utf8.lexicographicallyPrecedes` walks the views byte by byte through generic
    /// iterators, which sorting a thousand file names felt.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let shorter = Swift.min(x.count, y.count)
                let order = shorter == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, shorter)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        if let compared, let result = compared { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
