import CSystemCalls
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
        return cores(allowed: allowedCores() ?? sysconf(Int32(_SC_NPROCESSORS_ONLN)), quota: quotaCores())
        #else
        return ProcessInfo.processInfo.activeProcessorCount
        #endif
    }()

    /// The cores the affinity allows, within the quota's (at least one).
    static func cores(allowed: Int, quota: Int?) -> Int {
        max(1, min(allowed, quota ?? Int.max))
    }

    #if os(Linux)
    /// The cores the calling thread may run on (its affinity); nil when that cannot be told.
    static func allowedCores() -> Int? {
        let count = kyll_allowed_cores()
        return count > 0 ? Int(count) : nil
    }

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

