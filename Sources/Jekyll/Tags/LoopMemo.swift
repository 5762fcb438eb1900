import Liquid

/// Outputs of `for` loops over a list that many pages share, rendered once and replayed: a post
/// layout's `{% for post in site.related_posts limit: 3 %}` walks the same ten posts on every post
/// page but the newest ten's (~11 k instructions a page at 1k posts).
///
/// A loop qualifies as an include does in `IncludeMemo`: its body reads nothing but its own
/// variable, `forloop`'s counters and `site`, through trusted filters. A run is known by the
/// array's storage (a list made anew for each page never repeats), the part walked and the
/// direction. A run is recorded the second time its list is seen, unless the recording read
/// something page-dependent through the drops or recorded an error; the loop then renders as usual
/// from then on. A loop that saw `maxSeen` lists once each and none twice (a page's own tags) is
/// given up too, and its runs no longer ask the memo. Off when `IncludeMemo` is.
final class LoopMemo: LoopOutputMemo {
    /// A run's list, part and direction.
    private struct RunKey: Hashable {
        let storage: UnsafeRawPointer?
        let count: Int
        let from: Int
        let to: Int?
        let reversed: Bool

        init(_ run: LoopRun) {
            storage = run.items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            count = run.items.count
            from = run.from
            to = run.to
            reversed = run.reversed
        }

        // The list tells runs apart; the rest rarely differs.
        func hash(into hasher: inout Hasher) { hasher.combine(storage) }
    }

    /// A recorded run, holding its list: its storage cannot be reused by another list while the
    /// memo lives.
    private struct Recording {
        let items: [Value]
        let key: RunKey
        let effects: RenderEffects
    }

    /// What the memo knows of a qualifying loop; changed only under the memo's lock.
    private final class Loop: @unchecked Sendable {
        let check: ReplayCheck
        var recordings: [Recording] = []
        /// Lists walked once, by their storage (not held: a reused address only makes a run be
        /// recorded one page early).
        var seen: Set<RunKey> = []

        init(check: ReplayCheck) { self.check = check }
    }

    private enum Entry {
        case unusable
        case qualified(Loop)
    }

    private typealias Entries = IdentityTable<LoopIdentity, Entry>
    private let entries = Locked(Entries())

    /// Recordings kept per loop, and lists remembered as seen once.
    static let maxRecordings = 16
    static let maxSeen = 64

    private enum Step {
        case analyse
        case render
        case replay(RenderEffects)
        case record(Loop)
    }

    func render(_ run: LoopRun, into output: inout OutputBuffer, context: RenderContext,
                iterating iterate: (inout OutputBuffer) throws -> Void) throws {
        guard let scope = context.jekyll else { return try iterate(&output) }
        let id = ObjectIdentifier(run.loop)
        let key = RunKey(run)
        var step = entries.withLock { next(&$0, id, run.loop, key, context) }
        if case .analyse = step {
            let usage = run.loop.bodyUsage(environment: context.environment)
            let entry: Entry = IncludeMemo.qualifies(usage) ? .qualified(Loop(check: ReplayCheck(usage))) : .unusable
            if case .unusable = entry { run.loop.declineMemo() }
            step = entries.withLock { entries in
                entries.set(entry, for: run.loop, replacing: false)
                return next(&entries, id, run.loop, key, context)
            }
        }
        switch step {
        case .analyse, .render:
            try iterate(&output)
        case .replay(let effects):
            if try !context.replay(effects, into: &output) { try iterate(&output) }
        case .record(let loop):
            let (effects, dependsOnPage) = try scope.pageDependence.watching {
                try context.recordingEffects(into: &output) { try iterate(&$0) }
            }
            entries.withLock { entries in
                guard let effects, !dependsOnPage else { return giveUp(&entries, id, run.loop) }
                guard loop.recordings.count < Self.maxRecordings, !loop.recordings.contains(where: { $0.key == key }) else { return }
                loop.recordings.append(Recording(items: run.items, key: key, effects: effects))
            }
        }
    }

    /// What to do with a run, under the lock.
    private func next(_ entries: inout Entries, _ id: ObjectIdentifier,
                      _ identity: LoopIdentity, _ key: RunKey, _ context: RenderContext) -> Step {
        switch entries[id] {
        case nil: return .analyse
        case .unusable?: return .render
        case .qualified(let loop)?:
            guard context.canReplay(loop.check) else { return .render }
            if let recorded = loop.recordings.first(where: { $0.key == key }) { return .replay(recorded.effects) }
            guard loop.recordings.count < Self.maxRecordings else { return .render }
            if loop.seen.remove(key) != nil { return .record(loop) }
            if loop.seen.count >= Self.maxSeen {
                // Lists that never came back: a page's own.
                guard !loop.recordings.isEmpty else {
                    giveUp(&entries, id, identity)
                    return .render
                }
                loop.seen.removeAll()
            }
            loop.seen.insert(key)
            return .render
        }
    }

    private func giveUp(_ entries: inout Entries, _ id: ObjectIdentifier, _ identity: LoopIdentity) {
        entries.set(.unusable, for: identity, replacing: true)
        identity.declineMemo()
    }
}
