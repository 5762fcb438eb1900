import Foundation

/// The number of cores to render on: those the process may run on (its CPU affinity, as `taskset`
/// or a container's cpuset sets it), within its cgroup CPU quota.
/// On Linux read directly (Foundation's `activeProcessorCount` asks the cgroup files through its
/// URL and `Data` machinery, half a millisecond of every run's start-up). libdispatch sizes its
/// thread pool by the same affinity: work queued for another thread while the pool's only thread
/// is busy waits for its starvation timer (a second), so a build on one core must not queue work
/// it then waits for (`EarlyConversions`, `TwoCores`).
enum ProcessorCount {
    /// Counted once: the build asks several times (render workers, early stylesheets, the write).
    static let active: Int = {
        #if os(Linux)
        return cores(allowed: LinuxAffinity.allowedCores() ?? sysconf(Int32(_SC_NPROCESSORS_ONLN)), quota: quotaCores())
        #else
        return ProcessInfo.processInfo.activeProcessorCount
        #endif
    }()

    /// The cores the affinity allows, within the quota's (at least one).
    static func cores(allowed: Int, quota: Int?) -> Int {
        max(1, min(allowed, quota ?? Int.max))
    }

    #if os(Linux)
    /// cgroup v2's `cpu.max` ("QUOTA PERIOD", or "max PERIOD" without a quota), rounded up.
    static func quotaCores(_ text: String? = nil) -> Int? {
        let line = text ?? String(decoding: FileSystem.readPrefix("/sys/fs/cgroup/cpu.max", limit: 64), as: UTF8.self)
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 else {
            return nil
        }
        return (quota + period - 1) / period
    }
    #endif
}

#if os(Linux)
/// Linux's `sched_getaffinity`, which Swift's Glibc module does not declare (a GNU extension),
/// looked up once as `getdents64` is.
enum LinuxAffinity {
    private typealias GetAffinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32

    /// The cores the calling thread may run on; nil when the C library lacks the call or it fails.
    static func allowedCores() -> Int? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }
        let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        // glibc's `cpu_set_t`: 1,024 bits.
        var mask = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                    UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &mask) { bytes -> Int? in
            guard getAffinity(0, bytes.count, bytes.baseAddress!) == 0 else { return nil }
            let count = bytes.reduce(0) { $0 + $1.nonzeroBitCount }
            return count > 0 ? count : nil
        }
    }
}
#endif
