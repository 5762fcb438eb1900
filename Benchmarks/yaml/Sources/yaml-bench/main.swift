// Loads a YAML file N times with the YAML module and prints the best wall time in ms.
import YAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: yaml-bench FILE [RUNS]")
    exit(2)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
var best = Double.infinity
var nodes = 0
for _ in 0..<runs {
    let start = now()
    let value = try YAML.loadFile(atPath: arguments[1])
    best = min(best, now() - start)
    nodes = value.mappingValue?.count ?? value.sequenceValue?.count ?? 0
}
print((best * 10).rounded() / 10, nodes)
