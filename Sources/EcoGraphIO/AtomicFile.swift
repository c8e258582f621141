import Foundation
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Writes output files so that a reader never sees half of one, and so that a path which is not a regular file
/// is never replaced by one. What happens depends on what the path is:
///
/// | path | what `write` does |
/// |---|---|
/// | missing, or a regular file | atomic: a temporary file in the same folder, `fsync`, then `rename` over the path (an existing file's permission bits are kept) |
/// | `-` | standard output, written straight through |
/// | a FIFO or a character device (`/dev/null`, a terminal) | opened and written straight through: no temporary file, no rename |
/// | a symbolic link | followed (every hop, relative to the link's folder) and the rules above applied to its final target: the target is replaced atomically, the link stays a link; a dangling link's target is created |
/// | a directory, a socket, a block device | refused with a `WriteError`; nothing is created or changed |
///
/// On any failure the temporary file is removed and the destination is left as it was.
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

    /// Writes bytes to a path: atomically to a regular file, straight through to a FIFO, a character device
    /// or `-` (standard output), through a symbolic link to its target; never over a directory, a socket or a
    /// block device (see the type's table).
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        if path == "-" {
            try writeAll(data, to: STDOUT_FILENO, path: path)
            return
        }
        let target = try resolvingLinks(path)
        var info = stat()
        if lstat(target, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw WriteError(path: path, reason: String(cString: strerror(code))) }
            try replace(target, with: data, keepingMode: nil, reportedAs: path)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(target, with: data, keepingMode: info.st_mode & 0o7777, reportedAs: path)
        case S_IFIFO, S_IFCHR:
            try writeThrough(target, data, reportedAs: path)
        case S_IFDIR:
            throw WriteError(path: path, reason: target == path ? "is a directory" : "its link leads to a directory, \(target)")
        case S_IFSOCK:
            throw WriteError(path: path, reason: "is a socket, not a file (refusing to replace it)")
        case S_IFBLK:
            throw WriteError(path: path, reason: "is a block device (refusing to write to it)")
        default:
            throw WriteError(path: path, reason: "is not a regular file (refusing to replace it)")
        }
    }

    /// Writes text as UTF-8 (see `write(_:to:)` for bytes).
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// The path a chain of symbolic links ends at (the path itself when it is no link); a dangling link's
    /// target is returned as it is, to be created.
    static func resolvingLinks(_ path: String) throws(WriteError) -> String {
        var current = path
        for _ in 0 ..< 40 {  // Linux's MAXSYMLINKS
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            if count < 0 { throw WriteError(path: path, reason: "cannot read the link \(current): \(String(cString: strerror(errno)))") }
            let destination = String(decoding: buffer[0 ..< count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        throw WriteError(path: path, reason: "too many levels of symbolic links")
    }

    /// The folder part of a path (`.` for a bare name).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes a temporary file beside `target`, syncs it and renames it over `target`.
    private static func replace(_ target: String, with data: Data, keepingMode mode: mode_t?, reportedAs path: String) throws(WriteError) {
        let folder = folder(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0 ..< 16 {
            temporary = folder + "/.\(name).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 {
            let code = errno
            var info = stat()
            let missing = code == ENOENT && stat(folder, &info) != 0
            throw WriteError(path: path, reason: missing ? "no such folder \(folder)" : String(cString: strerror(code)))
        }
        do throws(WriteError) {
            if let mode, fchmod(fd, mode) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            try writeAll(data, to: fd, path: path)
            if fsync(fd) != 0 { throw WriteError(path: path, reason: "fsync: \(String(cString: strerror(errno)))") }
            let closed = close(fd)
            fd = -1
            if closed != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            if rename(temporary, target) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            if fd >= 0 { close(fd) }
            unlink(temporary)
            throw error
        }
        // The rename is durable once the folder is synced; a folder that cannot be opened is not an error.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// Opens an existing FIFO or character device and writes to it as it is (no creation, no truncation).
    private static func writeThrough(_ target: String, _ data: Data, reportedAs path: String) throws(WriteError) {
        var fd: Int32
        repeat { fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY) } while fd < 0 && errno == EINTR
        if fd < 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    /// Writes every byte, resuming after partial writes and interruptions.
    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(WriteError) {
        let failure: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw WriteError(path: path, reason: String(cString: strerror(failure))) }
    }
}
