import CCmarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark-gfm block parse, taken from an arena and dropped as a whole.
///
/// A parse allocates every node, and grows each paragraph's text buffer line by line; the block tree
/// is copied out and everything freed right after. Through the system allocator that was ~40 M
/// instructions at 1k posts (92k `calloc`, 99k `realloc`, 165k `free`). Here an allocation is a
/// bump of an offset, the latest one grows in place, `free` does nothing, and the arena is rewound
/// when the parse is over.
///
/// cmark's allocator has no context argument, so each arena comes with allocator functions of
/// its own that name it directly: a parse takes a free arena from a small fixed set for its
/// duration (one atomic operation each way) instead of looking up a per-thread arena at every
/// allocation (a thread-local lookup and a lazy-global check, about half of each call's cost).
/// When every arena is taken, the parse uses cmark's own allocator.
enum CmarkArena {
    /// Runs `body`, which may parse with the allocator it is given; what that allocates lives
    /// until `body` returns.
    static func withArena<T>(_ body: (UnsafeMutablePointer<cmark_mem>) -> T) -> T {
        guard let slot = ArenaSlots.acquire() else { return body(cmark_get_default_mem_allocator()) }
        defer { ArenaSlots.release(slot) }
        return body(ArenaSlots.allocators + slot)
    }

    /// How many parses can hold an arena at once (the worker threads of a build, and a parse
    /// inside another's `body`).
    static var arenaCount: Int { ArenaSlots.count }
}

/// The arenas, their allocator functions, and which of them are taken.
private enum ArenaSlots {
    static let count = 16
    static let allTaken = UInt16.max
    /// Bit `i` set: arena `i` belongs to a parse.
    static let inUse = Atomic<UInt16>(0)

    /// Each arena is used only by the parse that holds its bit in `inUse`.
    nonisolated(unsafe) static let arenas: UnsafeMutablePointer<Arena> = {
        let arenas = UnsafeMutablePointer<Arena>.allocate(capacity: count)
        arenas.initialize(repeating: Arena(), count: count)
        return arenas
    }()

    /// Arena `i`'s allocator functions at `allocators + i` (never changed after they are made):
    /// C function pointers capture nothing, so each names its arena.
    nonisolated(unsafe) static let allocators: UnsafeMutablePointer<cmark_mem> = {
        let table: [cmark_mem] = [
            mem({ arenas[0].allocate($0 &* $1, zeroed: true) }, { arenas[0].reallocate($0, to: $1) }),
            mem({ arenas[1].allocate($0 &* $1, zeroed: true) }, { arenas[1].reallocate($0, to: $1) }),
            mem({ arenas[2].allocate($0 &* $1, zeroed: true) }, { arenas[2].reallocate($0, to: $1) }),
            mem({ arenas[3].allocate($0 &* $1, zeroed: true) }, { arenas[3].reallocate($0, to: $1) }),
            mem({ arenas[4].allocate($0 &* $1, zeroed: true) }, { arenas[4].reallocate($0, to: $1) }),
            mem({ arenas[5].allocate($0 &* $1, zeroed: true) }, { arenas[5].reallocate($0, to: $1) }),
            mem({ arenas[6].allocate($0 &* $1, zeroed: true) }, { arenas[6].reallocate($0, to: $1) }),
            mem({ arenas[7].allocate($0 &* $1, zeroed: true) }, { arenas[7].reallocate($0, to: $1) }),
            mem({ arenas[8].allocate($0 &* $1, zeroed: true) }, { arenas[8].reallocate($0, to: $1) }),
            mem({ arenas[9].allocate($0 &* $1, zeroed: true) }, { arenas[9].reallocate($0, to: $1) }),
            mem({ arenas[10].allocate($0 &* $1, zeroed: true) }, { arenas[10].reallocate($0, to: $1) }),
            mem({ arenas[11].allocate($0 &* $1, zeroed: true) }, { arenas[11].reallocate($0, to: $1) }),
            mem({ arenas[12].allocate($0 &* $1, zeroed: true) }, { arenas[12].reallocate($0, to: $1) }),
            mem({ arenas[13].allocate($0 &* $1, zeroed: true) }, { arenas[13].reallocate($0, to: $1) }),
            mem({ arenas[14].allocate($0 &* $1, zeroed: true) }, { arenas[14].reallocate($0, to: $1) }),
            mem({ arenas[15].allocate($0 &* $1, zeroed: true) }, { arenas[15].reallocate($0, to: $1) }),
        ]
        precondition(table.count == count)
        let allocators = UnsafeMutablePointer<cmark_mem>.allocate(capacity: count)
        allocators.initialize(from: table, count: count)
        return allocators
    }()

    private static func mem(_ calloc: @escaping @convention(c) (Int, Int) -> UnsafeMutableRawPointer?,
                            _ realloc: @escaping @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer?) -> cmark_mem {
        cmark_mem(calloc: calloc, realloc: realloc, free: { _ in })
    }

    /// A free arena's index, now taken; nil when all are taken.
    static func acquire() -> Int? {
        var taken = inUse.load(ordering: .relaxed)
        while taken != allTaken {
            let slot = (~taken).trailingZeroBitCount
            let (exchanged, original) = inUse.compareExchange(expected: taken, desired: taken | (1 << slot),
                                                              ordering: .acquiring)
            if exchanged { return slot }
            taken = original
        }
        return nil
    }

    /// Rewinds arena `slot` and gives it back.
    static func release(_ slot: Int) {
        arenas[slot].rewind()
        _ = inUse.bitwiseAnd(~(UInt16(1) << slot), ordering: .releasing)
    }
}

/// A bump allocator over chunks of memory. Each block is preceded by its size, for `realloc`'s
/// copy.
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

    @inline(__always) mutating func allocate(_ count: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let start = used &+ Self.header
        let end = start &+ ((count &+ 15) & ~15)
        // `size` is 0 until a chunk is taken, so `base` is set past this test
        guard end <= size else { return allocateInNewChunk(count, zeroed: zeroed) }
        let block = base.unsafelyUnwrapped + start
        block.storeBytes(of: count, toByteOffset: -Self.header, as: Int.self)
        used = end
        last = block
        if zeroed { memset(block, 0, count) }
        return block
    }

    @inline(never) private mutating func allocateInNewChunk(_ count: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        newChunk(minimum: Self.header + ((count + 15) & ~15))
        return allocate(count, zeroed: zeroed)
    }

    @inline(__always) mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to count: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(count, zeroed: false) }
        if pointer == last {
            let end = (pointer - base.unsafelyUnwrapped) &+ ((count &+ 15) & ~15)
            if end <= size {
                pointer.storeBytes(of: count, toByteOffset: -Self.header, as: Int.self)
                used = end
                return pointer
            }
        }
        let old = pointer.load(fromByteOffset: -Self.header, as: Int.self)
        guard let moved = allocate(count, zeroed: false) else { return nil }
        memcpy(moved, pointer, min(old, count))
        return moved
    }

    /// Forgets every block: the first chunk is reused, the others go back to the system.
    mutating func rewind() {
        if chunks.count > 1 {
            for chunk in chunks.dropFirst() { free(chunk.base) }
            chunks.removeSubrange(1...)
        }
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
