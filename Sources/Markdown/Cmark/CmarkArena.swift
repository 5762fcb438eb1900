import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark-gfm block parse, taken from a per-thread arena and dropped as a whole.
///
/// A parse allocates every node, and grows each paragraph's text buffer line by line; the block tree
/// is copied out and everything freed right after. Through the system allocator that was ~40 M
/// instructions at 1k posts (92k `calloc`, 99k `realloc`, 165k `free`). Here an allocation is a
/// bump of an offset, the latest one grows in place, `free` does nothing, and the arena is rewound
/// when the parse is over. cmark's allocator has no context argument, hence one arena per thread.
enum CmarkArena {
    /// Runs `body`, which may parse with `allocator`; the arena is rewound afterwards (only by the
    /// outermost call, should a parse happen inside another's `body`).
    static func withArena<T>(_ body: (UnsafeMutablePointer<cmark_mem>) -> T) -> T {
        let arena = Arena.current
        arena.pointee.depth += 1
        defer {
            arena.pointee.depth -= 1
            if arena.pointee.depth == 0 { arena.pointee.rewind() }
        }
        return body(allocator)
    }

    /// The allocator cmark calls; what it allocates lives until the arena is rewound.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(
            calloc: { count, size in Arena.current.pointee.allocate(count * size, zeroed: true) },
            realloc: { pointer, size in Arena.current.pointee.reallocate(pointer, to: size) },
            free: { _ in }))
        return mem
    }()
}

/// One thread's bump allocator, kept behind a plain pointer (no reference counting on the hot
/// path). Each block is preceded by its size, for `realloc`'s copy.
private struct Arena {
    private static let header = 16
    private static let chunkSize = 256 * 1024

    /// Chunks in use; the first is kept across parses, the others are returned at each rewind.
    private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var base: UnsafeMutableRawPointer?
    private var used = 0
    private var size = 0
    /// The latest block, the one that can grow in place.
    private var last: UnsafeMutableRawPointer?
    var depth = 0

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if os(Linux)
        pthread_key_create(&key) { if let arena = $0 { Arena.destroy(arena) } }
        #else
        pthread_key_create(&key) { Arena.destroy($0) }
        #endif
        return key
    }()

    /// This thread's arena.
    static var current: UnsafeMutablePointer<Arena> {
        if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: Arena.self) }
        let arena = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
        arena.initialize(to: Arena())
        pthread_setspecific(key, arena)
        return arena
    }

    private static func destroy(_ raw: UnsafeMutableRawPointer) {
        let arena = raw.assumingMemoryBound(to: Arena.self)
        for chunk in arena.pointee.chunks { free(chunk.base) }
        arena.deinitialize(count: 1)
        arena.deallocate()
    }

    mutating func allocate(_ count: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let rounded = (count + 15) & ~15
        if base == nil || used + Self.header + rounded > size { newChunk(minimum: Self.header + rounded) }
        let block = base! + used + Self.header
        block.storeBytes(of: count, toByteOffset: -Self.header, as: Int.self)
        used += Self.header + rounded
        last = block
        if zeroed { memset(block, 0, count) }
        return block
    }

    mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to count: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(count, zeroed: false) }
        let old = pointer.load(fromByteOffset: -Self.header, as: Int.self)
        if pointer == last {
            let start = pointer - base!
            let rounded = (count + 15) & ~15
            if start + rounded <= size {
                pointer.storeBytes(of: count, toByteOffset: -Self.header, as: Int.self)
                used = start + rounded
                return pointer
            }
        }
        guard let moved = allocate(count, zeroed: false) else { return nil }
        memcpy(moved, pointer, min(old, count))
        return moved
    }

    /// Forgets every block: the first chunk is reused, the others go back to the system.
    mutating func rewind() {
        for chunk in chunks.dropFirst() { free(chunk.base) }
        if chunks.count > 1 { chunks.removeSubrange(1...) }
        base = chunks.first?.base
        size = chunks.first?.size ?? 0
        used = 0
        last = nil
    }

    private mutating func newChunk(minimum: Int) {
        let bytes = max(Self.chunkSize, minimum)
        guard let memory = malloc(bytes) else { fatalError("cmark arena: out of memory") }
        chunks.append((memory, bytes))
        base = memory
        size = bytes
        used = 0
        last = nil
    }
}
