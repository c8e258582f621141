import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same
/// folder, which is then renamed over the destination (an atomic step on POSIX file systems). On any
/// failure the temporary file is removed and the destination is left as it was.
public enum AtomicFile {
    /// Why a file could not be written; `description` names the path.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The file that could not be written.
        public var path: String
        /// What went wrong, from the operating system.
        public var reason: String
        /// `PATH: cannot write: reason`.
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes bytes to a file atomically: to a temporary file in the same folder, then renamed over the path.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            throw WriteError(path: path, reason: FileManager.default.fileExists(atPath: folder.path) ? reason : "no such folder \(folder.path)")
        }
    }

    /// Writes text as UTF-8 to a file atomically (see `write(_:to:)` for bytes).
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }
}
