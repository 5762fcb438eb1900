/// A lexer at work: created fresh for each highlight, so it may keep state. When a lexer hands part
/// of its text to another lexer it keeps that tokenizer and continues it, as Rouge does.
protocol Tokenizer: AnyObject {
    /// Lexes `s.pos..<s.end`, continuing from the state left by earlier calls.
    func lex(_ s: inout Scan)
}

/// A tokenizer driven by a stack of states, Rouge's regex-lexer model: the top state's `step`
/// consumes some text (emitting tokens) and may push or pop states.
protocol StackTokenizer: Tokenizer {
    associatedtype State: RootState
    /// Tokenizers keep it as a `let`: the states change, never the stack.
    var stack: StateStack<State> { get }
    /// Tries the rules of `state` at `s.pos`. Returns false when none applies.
    func step(_ state: State, _ s: inout Scan) -> Bool
}

/// Rouge gives up on a state after this many steps in a row that consume nothing.
let maxNullSteps = 5

extension StackTokenizer {
    func lex(_ s: inout Scan) {
        var nullSteps = 0
        while !s.atEnd {
            let before = s.pos
            var matched = step(stack.top, &s)
            if matched {
                if s.pos == before {
                    nullSteps += 1
                    if nullSteps > maxNullSteps { matched = false }
                } else {
                    nullSteps = 0
                }
            }
            if !matched { s.emitChar(.error) }
            // Never run with an empty stack (Rouge would raise); start over from the root state.
            if stack.isEmpty { stack.append(State.root) }
        }
    }
}

/// The state every stack starts with.
protocol RootState {
    static var root: Self { get }
}

extension StackTokenizer {
    /// Pops `n` states (never below an empty stack; `lex` refills it with the root).
    func pop(_ n: Int = 1) {
        for _ in 0..<n where !stack.isEmpty { stack.removeLast() }
    }

    func push(_ state: State) { stack.append(state) }

    /// Replaces the top state.
    func goto(_ state: State) { stack.top = state }
}

/// Lexes `a..<b` with `tokenizer`, as Rouge's `delegate` does: the other lexer sees only that text.
func delegate(_ tokenizer: Tokenizer, _ s: inout Scan, _ a: Int, _ b: Int) {
    guard b > a else { s.pos = max(s.pos, b); return }
    s.within(a, b) { tokenizer.lex(&$0) }
}
