import Liquid

/// Liquid's `date` filter in the site's time zone. Jekyll sets the process's `TZ` from `timezone:`,
/// so Ruby shows `now`, timestamps, zone-less date strings and `%Z` in that zone; kyll keeps the
/// zone in the site's clock instead of the process, and applies it here before handing the time
/// to Liquid's `strftime`.
enum SiteDateFilter {
    static func register(into env: inout LiquidEnvironment) {
        guard let standard = env.filters["date"] else { return }
        env.register(filter: "date", arity: standard.arity) { input, args, context in
            noteMoment(input, context)
            guard let clock = context.withJekyll({ $0.clock }) else { return try standard.body(input, args, context) }
            let pattern = args[0].rubyString
            guard !pattern.isEmpty, let time = localTime(input, clock: clock) else {
                return try standard.body(input, args, context)
            }
            let texts = TimeTexts.current
            if let known = texts.text(of: time, pattern: pattern) { return .string(known) }
            // The zone's name comes from ICU (slow): looked up only for a pattern that prints it.
            // Such a text depends on the site's zone, not only on the time: not remembered.
            let printsZoneName = DateFilter.printsZoneName(pattern)
            let zoneName = time.zone == .local && printsZoneName ? clock.abbreviation(at: time.seconds) : nil
            guard let text = DateFilter.strftime(.time(time), pattern, zoneName: zoneName) else { return input }
            if TimeTexts.mayRemember(time, printsZoneName: printsZoneName) { texts.remember(text, of: time, pattern: pattern) }
            return .string(text)
        }
    }

    /// `"now"` and `"today"` differ from page to page: a render reading them is not replayed.
    static func noteMoment(_ input: Value, _ context: RenderContext) {
        guard case .string(let s) = input, s.utf8.count == 3 || s.utf8.count == 5 else { return }
        let lower = s.lowercased()
        if lower == "now" || lower == "today" { context.jekyll?.noteMomentRead() }
    }

    /// The times whose zone is the site's: its own local times, `now`, timestamps and date strings
    /// without a zone. Nil for everything Liquid formats correctly by itself.
    static func localTime(_ input: Value, clock: SiteClock) -> TimeValue? {
        switch input.primitive {
        case .time(let t): return t.zone == .local ? clock.localize(t) : nil
        case .int(let i): return clock.local(Int64(i))
        case .string(let s):
            let lower = s.lowercased()
            if lower == "now" || lower == "today" { return clock.now() }
            if !lower.isEmpty, lower.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let i = Int64(lower) {
                return clock.local(i)
            }
            guard let parsed = DateParsing.parse(s, clock: clock), !DateParsing.hasZone(s) else { return nil }
            return parsed
        default:
            return nil
        }
    }
}
