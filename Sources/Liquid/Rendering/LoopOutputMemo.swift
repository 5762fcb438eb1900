import Synchronization

/// Outputs of `for` loops a host can reuse across the renders of a batch: a post layout's
/// `{% for post in site.related_posts limit: 3 %}` walks the same list on most post pages. The
/// memo decides, per loop, whether its body can depend on anything but its items (its
/// `bodyUsage` helps) and renders it otherwise, or records the run's effects to replay them
/// (`recordingEffects`, `replay`). A class, as `AssignedValueMemo` is.
public protocol LoopOutputMemo: AnyObject, Sendable {
    /// Writes the loop's iterations into `output`: by `iterate` (which renders them), or by
    /// replaying what an earlier run over the same items did.
    func render(_ run: LoopRun, into output: inout OutputBuffer, context: RenderContext,
                iterating iterate: (inout OutputBuffer) throws -> Void) throws
}

/// One run of a `for` loop over an array, with at least one iteration: which loop, the array as
/// the collection gave it (its storage tells a list shared between renders), and the part of it
/// walked.
public struct LoopRun {
    public let loop: LoopIdentity
    public let items: [Value]
    public let from: Int
    /// Where the limit ends the walk (nil: at the end).
    public let to: Int?
    public let reversed: Bool
}

/// A `for` tag of a parsed template: an identity for the life of the template, and what its body
/// reads.
public final class LoopIdentity: Sendable {
    let variable: String
    let body: Block
    /// Set when the host's memo gave the loop up: its runs then no longer ask the memo.
    private let memoDeclined = Atomic<Bool>(false)

    var isMemoDeclined: Bool { memoDeclined.load(ordering: .relaxed) }

    /// Tells later runs not to ask the memo again: only a hint, the output is the same either way.
    public func declineMemo() { memoDeclined.store(true, ordering: .relaxed) }

    init(variable: String, body: Block) {
        self.variable = variable
        self.body = body
    }

    /// What the body reads and sets with the loop variable and `forloop` set (not the
    /// collection, limit and offset, which the run has evaluated).
    /// An include in the body is not followed: such a loop reads what it cannot tell.
    public func bodyUsage(environment: LiquidEnvironment) -> VariableUsage {
        var analyzer = TemplateAnalyzer(environment: environment)
        analyzer.loop(variable: variable, body: body, elseBody: nil)
        return analyzer.usage
    }
}
