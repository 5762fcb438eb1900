import Liquid

/// Values of filtered expressions (`assign`s, outputs) that cannot depend on the page, evaluated
/// once per build: a theme's `site.data.navigation.main | where: "show", true | sort: "weight"`,
/// a layout's `{{ '/assets/js/main.js' | relative_url }}` on every page.
/// An expression qualifies as an include does in `IncludeMemo` (it reads only `site`, through
/// trusted filters, and its first evaluation read nothing page-dependent through the drops); the
/// value is reused where `site` is not hidden by a variable of the page. An expression that does
/// not qualify is told so (`declineReuse`), and renders stop asking.
final class AssignMemo: AssignedValueMemo {
    /// A qualifying expression's usage, its names hashed once (`ReplayCheck`), and its value once
    /// evaluated (read here until the value is published on the expression, and for good when
    /// another memo published there first). A class: a look-up retains one reference, where an
    /// enum of the check's arrays and the value retained each of them.
    private final class Known: Sendable {
        let check: ReplayCheck
        let value: Value?

        init(check: ReplayCheck, value: Value? = nil) {
            self.check = check
            self.value = value
        }
    }

    private enum Entry {
        case unusable
        case known(Known)
    }

    private let entries = Locked(IdentityTable<FilteredExpression, Entry>())
    /// Evaluations made to be remembered, for tests.
    let evaluations = Locked(0)
    /// What this memo's published values name as their owner.
    private let token = Token()
    private final class Token: Sendable {}

    func value(of expression: FilteredExpression, in context: RenderContext) throws -> Value {
        // A value this memo published: read without the lock and the table (~600 instructions
        // an output on every page). Nil: none; nil inside: this render cannot reuse it.
        let published = expression.withReusedValue { reused -> Value?? in
            guard let reused, reused.owner === token else { return nil }
            return context.canReplay(reused.check) ? reused.value : .some(nil)
        }
        if let published { return try published ?? expression.evaluate(context) }
        let id = ObjectIdentifier(expression)
        let known: Known
        switch entries.withLock({ $0[id] }) {
        case .unusable?:
            return try expression.evaluate(context)
        case .known(let k)?:
            guard context.canReplay(k.check) else { return try expression.evaluate(context) }
            if let value = k.value { return value }
            known = k
        case nil:
            let usage = VariableUsage(of: expression, environment: context.environment)
            guard IncludeMemo.qualifies(usage) else {
                entries.withLock { $0.set(.unusable, for: expression, replacing: false) }
                expression.declineReuse()
                return try expression.evaluate(context)
            }
            known = Known(check: ReplayCheck(usage))
            entries.withLock { $0.set(.known(known), for: expression, replacing: false) }
            guard context.canReplay(known.check) else { return try expression.evaluate(context) }
        }
        guard let scope = context.jekyll else { return try expression.evaluate(context) }
        evaluations.withLock { $0 += 1 }
        let (value, dependsOnPage) = try scope.pageDependence.watching { try expression.evaluate(context) }
        let entry: Entry = dependsOnPage ? .unusable : .known(Known(check: known.check, value: value))
        entries.withLock { $0.set(entry, for: expression, replacing: true) }
        if dependsOnPage {
            expression.declineReuse()
        } else {
            expression.publish(ReusedValue(value: value, check: known.check, owner: token))
        }
        return value
    }
}
