import Foundation

/// The number of cores to render on: those online, within the process's cgroup CPU quota.
/// On Linux read directly (Foundation's `activeProcessorCount` asks the same files through its URL
/// and `Data` machinery, half a millisecond of every run's start-up).
enum ProcessorCount {
    static var active: Int {
        #if os(Linux)
        let allowed = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        guard let quota = quotaCores() else { return allowed }
        return max(1, min(allowed, quota))
        #else
        return ProcessInfo.processInfo.activeProcessorCount
        #endif
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
