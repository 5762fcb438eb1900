import Foundation
import YAML

/// Runs a composite action's `run:` steps the way a GitHub runner does, on this machine: each step's
/// `if:` evaluated, its `${{ }}` expressions filled in from the inputs, earlier steps' outputs and
/// the `github`/`runner`/`env` contexts, its script run by `bash --noprofile --norc -eo pipefail`
/// with the variables GitHub sets (`GITHUB_WORKSPACE`, `RUNNER_TEMP`, `GITHUB_OUTPUT`, `GITHUB_PATH`
/// …), and `GITHUB_OUTPUT`/`GITHUB_PATH` read back after it. `uses:` steps do not run; their outputs
/// come from `usesOutputs` (a cache hit or miss of `actions/cache`, for instance).
struct ActionRunner {
    struct StepRecord {
        var name: String
        var ran: Bool
        var result: ProgramResult?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let action: YAMLValue
    let actionPath: URL
    let workspace: URL
    let runnerTemp: URL
    var inputs: [String: String] = [:]
    /// Outputs of `uses:` steps by step id.
    var usesOutputs: [String: [String: String]] = [:]
    /// Variables of the job (`env:` of the workflow), seen by every step.
    var jobEnvironment: [String: String] = [:]
    /// Folders put before PATH (e.g. stand-ins for programs).
    var pathPrefix: [String] = []

    private(set) var stepOutputs: [String: [String: String]] = [:]
    private(set) var addedPaths: [String] = []
    private(set) var records: [StepRecord] = []

    init(actionFile: URL, workspace: URL, runnerTemp: URL) throws {
        action = try YAML.load(String(contentsOf: actionFile, encoding: .utf8), file: actionFile.path)
        actionPath = actionFile.deletingLastPathComponent()
        self.workspace = workspace
        self.runnerTemp = runnerTemp
    }

    var steps: [YAMLValue] { action["runs"]?["steps"]?.sequenceValue ?? [] }

    /// The inputs with their defaults.
    var effectiveInputs: [String: String] {
        var values: [String: String] = [:]
        for entry in action["inputs"]?.mappingValue ?? YAMLMapping() {
            let name = entry.key.stringValue ?? ""
            values[name] = inputs[name] ?? entry.value["default"].map(Self.scalarText) ?? ""
        }
        return values
    }

    /// Runs every step in order; stops at the first failing step (as a runner does) and throws.
    mutating func run() throws {
        for (index, step) in steps.enumerated() {
            let name = step["name"]?.stringValue ?? "step \(index + 1)"
            if let condition = step["if"].map(Self.scalarText), try !evaluateCondition(condition) {
                records.append(StepRecord(name: name, ran: false))
                continue
            }
            let id = step["id"]?.stringValue
            if step["uses"] != nil {
                if let id { stepOutputs[id] = usesOutputs[id] ?? [:] }
                records.append(StepRecord(name: name, ran: false))
                continue
            }
            guard let script = step["run"]?.stringValue else { throw Failure(description: "\(name): no run or uses") }
            let result = try runScript(script, step: step)
            records.append(StepRecord(name: name, ran: true, result: result))
            guard result.status == 0 else {
                throw Failure(description: "step '\(name)' failed (\(result.status)):\n\(result.output)")
            }
            if let id { stepOutputs[id] = try readOutputs() }
            addedPaths = try readAddedPaths()
        }
    }

    /// The action's `outputs:` after the run.
    func outputs() throws -> [String: String] {
        var values: [String: String] = [:]
        for entry in action["outputs"]?.mappingValue ?? YAMLMapping() {
            values[entry.key.stringValue ?? ""] = try substitute(entry.value["value"].map(Self.scalarText) ?? "")
        }
        return values
    }

    // MARK: Running a script

    var outputFile: URL { runnerTemp.appendingPathComponent("_runner_file_commands/output") }
    var pathFile: URL { runnerTemp.appendingPathComponent("_runner_file_commands/path") }
    var envFile: URL { runnerTemp.appendingPathComponent("_runner_file_commands/env") }

    private func runScript(_ script: String, step: YAMLValue) throws -> ProgramResult {
        let fm = FileManager.default
        try fm.createDirectory(at: outputFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: outputFile)
        if !fm.fileExists(atPath: pathFile.path) { try Data().write(to: pathFile) }
        try Data().write(to: envFile)
        let scriptFile = runnerTemp.appendingPathComponent("step-\(UUID().uuidString.prefix(8)).sh")
        try Data(script.utf8).write(to: scriptFile)
        defer { try? fm.removeItem(at: scriptFile) }

        var environment = githubEnvironment()
        for (k, v) in jobEnvironment { environment[k] = v }
        for entry in step["env"]?.mappingValue ?? YAMLMapping() {
            environment[entry.key.stringValue ?? ""] = try substitute(Self.scalarText(entry.value))
        }
        let directory = try step["working-directory"].map { try substitute(Self.scalarText($0)) }
            .map { URL(fileURLWithPath: $0, relativeTo: workspace) } ?? workspace
        return try runProgram("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile.path],
                              directory: directory, environment: environment)
    }

    /// What a runner sets for every step.
    func githubEnvironment() -> [String: String] {
        let basePath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return [
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": workspace.path,
            "GITHUB_ACTION_PATH": actionPath.path,
            "GITHUB_OUTPUT": outputFile.path,
            "GITHUB_PATH": pathFile.path,
            "GITHUB_ENV": envFile.path,
            "GITHUB_REPOSITORY": "example/site",
            "GITHUB_ACTION_REPOSITORY": "example/kyll",
            "RUNNER_TEMP": runnerTemp.path,
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": Self.runnerArch,
            "PATH": (pathPrefix + addedPaths.reversed() + [basePath]).joined(separator: ":"),
        ]
    }

    static var runnerArch: String {
        #if arch(arm64)
        return "ARM64"
        #else
        return "X64"
        #endif
    }

    /// `name=value` lines and `name<<DELIMITER` blocks.
    private func readOutputs() throws -> [String: String] {
        let lines = try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var outputs: [String: String] = [:]
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let range = line.range(of: "<<") {
                let name = String(line[..<range.lowerBound]), delimiter = line[range.upperBound...]
                var value: [Substring] = []
                i += 1
                while i < lines.count, lines[i] != delimiter { value.append(lines[i]); i += 1 }
                outputs[name] = value.joined(separator: "\n")
            } else if let eq = line.firstIndex(of: "=") {
                outputs[String(line[..<eq])] = String(line[line.index(after: eq)...])
            }
            i += 1
        }
        return outputs
    }

    private func readAddedPaths() throws -> [String] {
        try String(contentsOf: pathFile, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    // MARK: Expressions

    /// `${{ expression }}` replaced by its value.
    func substitute(_ text: String) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw Failure(description: "unclosed ${{ in \(text)") }
            out += try evaluate(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `a == 'x' && b != 'y'`: the subset of GitHub's expression language the action uses.
    func evaluateCondition(_ condition: String) throws -> Bool {
        var expression = condition.trimmingCharacters(in: .whitespaces)
        if expression.hasPrefix("${{"), expression.hasSuffix("}}") {
            expression = String(expression.dropFirst(3).dropLast(2))
        }
        for clause in expression.components(separatedBy: "&&") {
            let c = clause.trimmingCharacters(in: .whitespaces)
            if let r = c.range(of: "!=") {
                if try evaluate(String(c[..<r.lowerBound])) == evaluate(String(c[r.upperBound...])) { return false }
            } else if let r = c.range(of: "==") {
                if try evaluate(String(c[..<r.lowerBound])) != evaluate(String(c[r.upperBound...])) { return false }
            } else if try evaluate(c).isEmpty || evaluate(c) == "false" {
                return false
            }
        }
        return true
    }

    /// A context value, a quoted literal, or `a || b` (the first that is not empty).
    func evaluate(_ expression: String) throws -> String {
        let alternatives = expression.components(separatedBy: "||")
        if alternatives.count > 1 {
            for alternative in alternatives {
                let value = try evaluate(alternative)
                if !value.isEmpty { return value }
            }
            return ""
        }
        let e = expression.trimmingCharacters(in: .whitespaces)
        if e.hasPrefix("'"), e.hasSuffix("'"), e.count >= 2 { return String(e.dropFirst().dropLast()) }
        let parts = e.split(separator: ".").map(String.init)
        switch parts.first {
        case "inputs" where parts.count == 2:
            guard let value = effectiveInputs[parts[1]] else { throw Failure(description: "undeclared input \(e)") }
            return value
        case "steps" where parts.count == 4 && parts[2] == "outputs":
            guard steps.contains(where: { $0["id"]?.stringValue == parts[1] }) else {
                throw Failure(description: "no step with id \(parts[1]) in \(e)")
            }
            return stepOutputs[parts[1]]?[parts[3]] ?? ""
        case "github" where parts.count == 2:
            switch parts[1] {
            case "action_path": return actionPath.path
            case "workspace": return workspace.path
            case "action_repository": return "example/kyll"
            default: throw Failure(description: "unknown context value \(e)")
            }
        case "runner" where parts.count == 2:
            switch parts[1] {
            case "os": return "Linux"
            case "arch": return Self.runnerArch
            case "temp": return runnerTemp.path
            default: throw Failure(description: "unknown context value \(e)")
            }
        case "env" where parts.count == 2:
            return jobEnvironment[parts[1]] ?? ""
        default:
            throw Failure(description: "unknown expression \(e)")
        }
    }

    static func scalarText(_ value: YAMLValue) -> String {
        if let s = value.stringValue { return s }
        if let b = value.boolValue { return b ? "true" : "false" }
        if let i = value.intValue { return String(i) }
        return value.isNull ? "" : "\(value)"
    }
}
