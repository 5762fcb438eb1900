import Foundation
import Liquid
import Testing

/// `RenderOptions.loopOutputs`: `for` hands a host's memo each run over an array with at least
/// one iteration, which the memo may render or replace; a run's body usage is the loop's alone.
@Suite struct LoopOutputMemoTests {
    /// Records every run, then renders it (`replacement` nil) or writes its own text instead.
    final class Recorder: LoopOutputMemo, @unchecked Sendable {
        var runs: [(from: Int, to: Int?, reversed: Bool, count: Int, storage: UnsafeRawPointer?)] = []
        var usages: [VariableUsage] = []
        let replacement: String?

        init(replacement: String? = nil) { self.replacement = replacement }

        func render(_ run: LoopRun, into output: inout OutputBuffer, context: RenderContext,
                    iterating iterate: (inout OutputBuffer) throws -> Void) throws {
            runs.append((run.from, run.to, run.reversed, run.items.count,
                         run.items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }))
            usages.append(run.loop.bodyUsage(environment: .standard))
            if let replacement { output.append(replacement) } else { try iterate(&output) }
        }
    }

    static func render(_ source: String, _ data: Value, memo: Recorder) throws -> String {
        var options = RenderOptions()
        options.loopOutputs = memo
        return try Template.parse(source).render(data, options: options)
    }

    @Test func runsOverArraysGoThroughTheMemo() throws {
        let memo = Recorder()
        let list: Value = [1, 2, 3, 4]
        let source = "{% for i in list offset: 1 limit: 2 %}{{ i }}{{ forloop.index }}{% assign last = i %}{% endfor %}"
            + "{% for i in list reversed %}{{ i }}{% endfor %}{{ last }}"
        #expect(try Self.render(source, ["list": list], memo: memo) == "2132" + "4321" + "3")
        #expect(memo.runs.count == 2)
        #expect(memo.runs.map(\.from) == [1, 0])
        #expect(memo.runs.map(\.to) == [3, nil])
        #expect(memo.runs.map(\.reversed) == [false, true])
        // Both runs see the collection's own array (one storage), not the part walked.
        #expect(memo.runs.allSatisfy { $0.count == 4 })
        #expect(memo.runs[0].storage == memo.runs[1].storage)
        // The body's usage: the loop variable and `forloop` are its own, not the collection.
        #expect(memo.usages[0].isKnown)
        #expect(memo.usages[0].freeVariables.isEmpty)
        #expect(memo.usages[0].assignedVariables == ["last"])
    }

    /// Ranges, hashes, empty walks (the `else` branch) and `offset: continue` positions are not
    /// the memo's; what the memo writes is the loop's output.
    @Test func onlyNonEmptyArrayRunsAreHandedOver() throws {
        let memo = Recorder(replacement: "<memo>")
        let data: Value = ["list": [1, 2], "h": ["a": 1], "empty": []]
        let source = "{% for i in (1..2) %}{{ i }}{% endfor %}|{% for p in h %}{{ p[0] }}{% endfor %}|"
            + "{% for i in empty %}x{% else %}none{% endfor %}|{% for i in list offset: 5 %}x{% else %}past{% endfor %}|"
            + "{% for i in list %}{{ i }}{{ page.title }}{% endfor %}"
        #expect(try Self.render(source, data, memo: memo) == "12|a|none|past|<memo>")
        #expect(memo.runs.count == 1)
        #expect(memo.usages[0].freeVariables == ["page"])
    }
}

/// `RenderOptions.assignedValues` for outputs: a filtered output asks the memo from its 17th
/// render on, until the memo declines it (`declineReuse`); outputs without filters never ask.
@Suite struct OutputValueMemoTests {
    /// Evaluates everything, declining what reads `page`.
    final class Declining: AssignedValueMemo, @unchecked Sendable {
        var asked: [String] = []

        func value(of expression: FilteredExpression, in context: RenderContext) throws -> Value {
            let usage = VariableUsage(of: expression)
            asked.append(usage.freeVariables.sorted().joined())
            if usage.freeVariables.contains("page") { expression.declineReuse() }
            return try expression.evaluate(context)
        }
    }

    @Test func filteredOutputsAskUntilDeclined() throws {
        let memo = Declining()
        var options = RenderOptions()
        options.assignedValues = memo
        let template = try Template.parse("{{ 'a' | upcase }}{{ page | upcase }}{{ page }}{% assign b = page | size %}{{ b }}")
        for _ in 0..<20 { #expect(try template.render(["page": "p"], options: options) == "AP" + "p" + "1") }
        // The assign from the first render on, until declined; the outputs from the 17th: the
        // literal's on each, the page's until declined.
        #expect(memo.asked == ["page", "", "page", "", "", ""])
    }
}
