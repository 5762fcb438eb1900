import Liquid

/// Values of `assign` expressions that cannot depend on the page, evaluated once per build: a
/// theme's `site.data.navigation.main | where: "show", true | sort: "weight"` on every page.
/// An expression qualifies as an include does in `IncludeMemo` (it reads only `site`, through
/// trusted filters, and its first evaluation read nothing page-dependent through the drops); the
/// value is reused where `site` is not hidden by a variable of the page.
final class AssignMemo: AssignedValueMemo {
    private enum Entry {
        case unusable
        // The usage's names hashed once (`ReplayCheck`), not on every page that asks.
        case analysed(ReplayCheck)
        case evaluated(ReplayCheck, Value)
    }

    /// By the expression's identity; each entry holds its expression, so that the identity is
    /// not reused by another while the memo lives.
    private let entries = Locked<[ObjectIdentifier: (expression: FilteredExpression, entry: Entry)]>([:])
    /// Evaluations made to be remembered, for tests.
    let evaluations = Locked(0)

    func value(of expression: FilteredExpression, in context: RenderContext) throws -> Value {
        let id = ObjectIdentifier(expression)
        let check: ReplayCheck
        switch entries.withLock({ $0[id]?.entry }) {
        case .unusable?:
            return try expression.evaluate(context)
        case .evaluated(let known, let value)?:
            return context.canReplay(known) ? value : try expression.evaluate(context)
        case .analysed(let known)?:
            check = known
        case nil:
            let usage = VariableUsage(of: expression, environment: context.environment)
            guard IncludeMemo.qualifies(usage) else {
                entries.withLock { $0[id] = $0[id] ?? (expression, .unusable) }
                return try expression.evaluate(context)
            }
            check = ReplayCheck(usage)
            entries.withLock { $0[id] = $0[id] ?? (expression, .analysed(check)) }
        }
        guard context.canReplay(check), let scope = context.jekyll else { return try expression.evaluate(context) }
        evaluations.withLock { $0 += 1 }
        let (value, dependsOnPage) = try scope.pageDependence.watching { try expression.evaluate(context) }
        let entry: Entry = dependsOnPage ? .unusable : .evaluated(check, value)
        entries.withLock { $0[id] = (expression, entry) }
        return value
    }
}
