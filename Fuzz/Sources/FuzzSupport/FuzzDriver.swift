// The libFuzzer driver the fuzz executables share: `EXECUTABLE TARGET [libFuzzer options] [corpus…]`.
// Each target is a function of the input bytes that must return without crashing, hanging or
// breaking the invariant it checks; libFuzzer's driver does the rest.
import CFuzzDriver

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public typealias FuzzTarget = @Sendable (UnsafeRawBufferPointer) -> Void

/// Every target of the executable, for libFuzzer's own `main` (see `testOneInput`).
nonisolated(unsafe) public var registeredTargets: [String: FuzzTarget] = [:]
nonisolated(unsafe) private var environmentTarget: FuzzTarget?

/// The target libFuzzer calls back; set once before the driver starts.
nonisolated(unsafe) private var selected: FuzzTarget = { _ in }

/// Picks the target named by the first argument and hands the rest of the arguments to libFuzzer.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      targets: [String: FuzzTarget]) -> Int32 {
    var count = argc
    var rest: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    if argc >= 2, let first = argv[1], let target = targets[String(cString: first)] {
        // The target named first: libFuzzer gets the other arguments.
        selected = target
        count -= 1
        argv[1] = argv[0]
        rest = argv + 1
    } else if let name = getenv("KYLL_FUZZ_TARGET").map({ String(cString: $0) }), let target = targets[name] {
        selected = target
    } else {
        printError("usage: \(String(cString: argv[0]!)) TARGET [libFuzzer options] [corpus…]"
                   + " (or KYLL_FUZZ_TARGET=TARGET)\ntargets: \(targets.keys.sorted().joined(separator: ", "))")
        return 2
    }
    return LLVMFuzzerRunDriver(&count, &rest) { data, size in
        selected(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}

/// Fuzz input as text (invalid UTF-8 becomes U+FFFD, as kyll's readers do).
public func text(_ bytes: UnsafeRawBufferPointer) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// Stops the run with a message libFuzzer records as a crash.
public func violated(_ message: String) -> Never {
    printError("invariant violated: \(message)")
    abort()
}

private func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// libFuzzer's usual entry point. Its `main` may be linked in beside ours (debug builds link it),
/// and then needs this symbol; it runs the selected target like the driver's callback.
/// The target is then named by the environment (`KYLL_FUZZ_TARGET`), as that `main` does not know ours.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if environmentTarget == nil {
        let name = getenv("KYLL_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = registeredTargets[name] else { printError("set KYLL_FUZZ_TARGET to a target"); abort() }
        environmentTarget = target
    }
    environmentTarget!(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
