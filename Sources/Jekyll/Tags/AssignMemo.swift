import Liquid

/// Values of `assign` expressions that cannot depend on the page, evaluated once per build: a
/// theme's `site.data.navigation.main | where: "show", true | sort: "weight"` on every page.
/// An expression qualifies as an include does in `IncludeMemo` (it reads only `site`, through
/// trusted filters, and its first evaluation read nothing page-dependent through the drops); the
/// value is reused where `site` is not hidden by a variable of the page.
final class AssignMemo: AssignedValueMemo {
    private enum Entry {
        case unusable
        case analysed(VariableUsage)
        case evaluated(VariableUsage, Value)
    }

    /// By the expression's identity; each entry holds its expression, so that the identity is
    /// not reused by another while the memo lives.
    private let entries = Locked<[ObjectIdentifier: (expression: FilteredExpression, entry: Entry)]>([:])
    /// Evaluations made to be remembered, for tests.
    let evaluations = Locked(0)

    func value(of expression: FilteredExpression, in context: RenderContext) throws -> Value {
        let id = ObjectIdentifier(expression)
        let usage: VariableUsage
        switch entries.withLock({ $0[id]?.entry }) {
        case .unusable?:
            return try expression.evaluate(context)
        case .evaluated(let known, let value)?:
            return context.canReplay(known) ? value : try expression.evaluate(context)
        case .analysed(let known)?:
            usage = known
        case nil:
            usage = VariableUsage(of: expression, environment: context.environment)
            let entry: Entry = IncludeMemo.qualifies(usage) ? .analysed(usage) : .unusable
            entries.withLock { $0[id] = $0[id] ?? (expression, entry) }
            if case .unusable = entry { return try expression.evaluate(context) }
        }
        guard context.canReplay(usage), let scope = context.jekyll else { return try expression.evaluate(context) }
        evaluations.withLock { $0 += 1 }
        let (value, dependsOnPage) = try scope.pageDependence.watching { try expression.evaluate(context) }
        let entry: Entry = dependsOnPage ? .unusable : .evaluated(usage, value)
        entries.withLock { $0[id] = (expression, entry) }
        return value
    }
}
