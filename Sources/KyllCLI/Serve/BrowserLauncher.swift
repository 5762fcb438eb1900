import Foundation
import Jekyll

/// `--open-url`: the desktop's opener (`xdg-open` on Linux, `open` on macOS), started and left alone.
enum BrowserLauncher {
    static func open(_ address: String, logger: Logger) {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open"].first { FileSystem.isFile($0) }
        #endif
        guard let opener else {
            logger.error("", "Refusing to launch browser. Platform launcher unknown.")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [address]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            logger.error("", "could not launch \(opener): \(error)")
        }
    }
}
