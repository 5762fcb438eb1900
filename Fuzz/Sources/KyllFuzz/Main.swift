import CoreTargets
import FuzzSupport

/// Every target: the core ones, front matter and YAML, URLs and output paths.
let allTargets = coreTargets.merging([
    "front-matter-yaml": YAMLTargets.frontMatterAndYAML,
    "url": URLTargets.urls,
]) { a, _ in a }

@_cdecl("KyllFuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, targets: allTargets)
}

/// For builds where libFuzzer's own `main` runs: the targets are known before the first input.
@_cdecl("LLVMFuzzerInitialize")
func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    registeredTargets = allTargets
    return 0
}
