// What the standard tags read and set, for `TemplateAnalyzer`. Tags that keep state between
// renders or reach other templates (`cycle`, `increment`, `ifchanged`, `tablerow`, `include`,
// `render`) do not describe themselves: a template using them has an unknown usage.

extension AssignTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        analyzer.read(value)
        analyzer.assign(name)
    }
}

extension CaptureTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        analyzer.block(body)
        analyzer.assign(name)
    }
}

extension IfTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        for c in conditions { if let c { analyzer.readTest(c) } }
        analyzer.alternatives(bodies, oneRuns: conditions.last.map { $0 == nil } ?? false)
    }
}

extension CaseTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        var bodies: [Block] = []
        for branch in branches {
            switch branch {
            case .when(let conditions, let body):
                for c in conditions { analyzer.readTest(c) }
                bodies.append(body)
            case .otherwise(let body):
                bodies.append(body)
            }
        }
        analyzer.alternatives(bodies, oneRuns: false)
    }
}

extension ForTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        analyzer.read(collection)
        if let limit { analyzer.read(limit) }
        switch offset {
        case .none: break
        case .value(let e): analyzer.read(e)
        // Where an earlier loop of the page stopped.
        case .continue: analyzer.unknown("offset: continue")
        }
        analyzer.loop(variable: variable, body: body, elseBody: elseBody)
    }
}

extension EchoTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) { analyzer.read(value) }
}

extension InterruptTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) { analyzer.interrupt() }
}

extension SilentTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {}
}

extension RawTag: AnalyzableTag {
    func analyze(_ analyzer: inout TemplateAnalyzer) {}
}
