// kyll's side of the Liquid benchmark, mirroring benchmark.rb: for each fixture directory
// (templates/*.liquid with index.liquid as the entry point, data.json), time parsing every
// template and rendering index.liquid (render!, partials read through a memory file system and
// parsed once: a ruby-liquid Template keeps the partials it parsed for its later renders, and
// renders here share one PartialCache); then rendering with partials parsed in every render.
// Prints one JSON line per fixture.
// Usage: LiquidBenchmark SECONDS DIR...
import Liquid

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

func listTemplates(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let entry = readdir(d) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name.hasSuffix(".liquid") { names.append(name) }
    }
    return names.sorted()
}

func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// CPU time of this process (robust when other processes share the machine).
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Seconds per run (median of batches of about a tenth of the budget) and the number of runs.
func measure(_ seconds: Double, _ body: () throws -> Void) rethrows -> (Double, Int) {
    for _ in 0..<3 { try body() }
    guard seconds > 0 else { return (0, 0) }
    var batch = 1
    while true {
        let t = cpuNow()
        for _ in 0..<batch { try body() }
        if cpuNow() - t >= seconds / 10 || batch >= 1 << 20 { break }
        batch *= 2
    }
    var samples: [Double] = []
    var total = 0.0
    while total < seconds || samples.count < 5 {
        let t = cpuNow()
        for _ in 0..<batch { try body() }
        let dt = cpuNow() - t
        samples.append(dt / Double(batch))
        total += dt
    }
    return (samples.sorted()[samples.count / 2], samples.count * batch)
}

func fnv1a(_ s: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

var arguments = CommandLine.arguments.dropFirst()
guard let seconds = arguments.popFirst().flatMap(Double.init) else {
    printError("usage: LiquidBenchmark SECONDS DIR...")
    exit(2)
}
for dir in arguments {
    let name = String(dir.split(separator: "/").last ?? "")
    var templates: [String: String] = [:]
    var sources: [String] = []
    for file in listTemplates(dir + "/templates") {
        let text = readFile(dir + "/templates/" + file) ?? ""
        templates[file] = text
        templates[String(file.dropLast(".liquid".count))] = text
        sources.append(text)
    }
    guard let source = templates["index.liquid"], let json = readFile(dir + "/data.json") else {
        printError("\(dir): no templates/index.liquid or data.json")
        exit(1)
    }
    let data = try JSON.parse(json)
    var env = LiquidEnvironment.standard
    env.fileSystem = MemoryFileSystem(templates)
    let template = try Template.parse(source, environment: env)
    let output = try template.render(data)

    // BENCH_COUNT=N: just render N times (for instruction-count profiling), no timing.
    // BENCH_ONLY=parse parses instead; BENCH_ONLY=parsing renders without the shared partial cache.
    if let count = getenv("BENCH_COUNT").flatMap({ Int(String(cString: $0)) }) {
        let only = getenv("BENCH_ONLY").map { String(cString: $0) }
        var shared = RenderOptions()
        shared.partialCache = PartialCache()
        for _ in 0..<count {
            if only == "parse" {
                for s in sources { _ = try Template.parse(s, environment: env) }
            } else if only == "parsing" {
                _ = try template.render(data)
            } else {
                _ = try template.render(data, options: shared)
            }
        }
        continue
    }
    // BENCH_ONLY=render|parse limits the run to one phase (for profiling).
    let only = getenv("BENCH_ONLY").map { String(cString: $0) }
    let (parse, parseRuns) = try measure(only == "render" ? 0 : seconds) {
        for s in sources { _ = try Template.parse(s, environment: env) }
    }
    var shared = RenderOptions()
    shared.partialCache = PartialCache()
    let (render, renderRuns) = try measure(only == "parse" ? 0 : seconds) { _ = try template.render(data, options: shared) }
    // Without a shared cache each render parses its partials (once per render).
    let (renderParsing, _) = try measure(only == nil ? seconds : 0) { _ = try template.render(data) }

    let result: Value = [
        "engine": "kyll", "workload": .string(name),
        "parse": .float(parse), "parse_iterations": .int(parseRuns),
        "render": .float(render), "render_iterations": .int(renderRuns),
        "render_parsing_partials": .float(renderParsing),
        "output_bytes": .int(output.utf8.count), "output_fnv1a": .string(fnv1a(output)),
    ]
    print(JSON.string(result))
}
