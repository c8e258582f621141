import EcoGraphIO
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `AtomicFile.write` on every kind of path: what the path holds afterwards, what kind of file it is, and that
/// no temporary file is left beside it.
@Suite(.serialized) struct AtomicFileTests {
    /// A fresh folder, removed when the body returns.
    private func inFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// The file type of a path itself (`lstat`: a link is a link).
    private func type(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The entries of a folder, sorted; a leftover temporary file (`.NAME.PID.N.tmp`) would show here.
    private func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func regularFileIsCreatedThenReplacedAtomicallyKeepingItsMode() throws {
        try inFolder { folder in
            let path = folder + "/out.txt"
            try AtomicFile.write("first\n", to: path)
            #expect(contents(path) == "first\n")
            #expect(type(path) == S_IFREG)
            chmod(path, 0o640)
            var before = stat()
            stat(path, &before)
            try AtomicFile.write("second\n", to: path)
            var after = stat()
            stat(path, &after)
            #expect(contents(path) == "second\n")
            #expect(type(path) == S_IFREG)
            #expect(after.st_mode & 0o7777 == 0o640)
            #expect(after.st_ino != before.st_ino, "replaced by rename, not rewritten in place")
            #expect(try entries(folder) == ["out.txt"])
        }
    }

    @Test func fifoIsWrittenStraightThrough() throws {
        try inFolder { folder in
            let fifo = folder + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            let received = Received()
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                // Blocks until the writer opens the FIFO; reads to its end.
                let fd = open(fifo, O_RDONLY)
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4096)
                while fd >= 0 {
                    let got = read(fd, &chunk, chunk.count)
                    if got <= 0 { break }
                    bytes += chunk[0 ..< got]
                }
                if fd >= 0 { close(fd) }
                received.set(bytes)
                done.signal()
            }
            let payload = String(repeating: "line through a pipe\n", count: 10_000)  // more than a pipe buffer
            try AtomicFile.write(payload, to: fifo)
            #expect(done.wait(timeout: .now() + 30) == .success)
            #expect(received.text == payload)
            #expect(type(fifo) == S_IFIFO, "the FIFO is still a FIFO")
            #expect(try entries(folder) == ["pipe"])
        }
    }

    @Test func characterDeviceIsWrittenStraightThrough() throws {
        try AtomicFile.write("discarded\n", to: "/dev/null")
        #expect(type("/dev/null") == S_IFCHR)
        let entries = try entries("/dev")
        #expect(!entries.contains { $0.hasPrefix(".null.") }, "no temporary file beside /dev/null")
        // A device that fails a write (ENOSPC) fails the call, with the path and the reason.
        if type("/dev/full") == S_IFCHR {
            let error = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: "/dev/full") }
            #expect(error.description.hasPrefix("/dev/full: cannot write: "))
            #expect(type("/dev/full") == S_IFCHR)
        }
    }

    @Test func dashIsStandardOutput() throws {
        let payload = "to stdout \(UUID().uuidString)\n"
        fflush(nil)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let saved = dup(STDOUT_FILENO)
        dup2(ends[1], STDOUT_FILENO)
        let result = Result { () throws(AtomicFile.WriteError) in try AtomicFile.write(payload, to: "-") }
        dup2(saved, STDOUT_FILENO)
        close(saved)
        close(ends[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = read(ends[0], &chunk, chunk.count)
            if got <= 0 { break }
            bytes += chunk[0 ..< got]
        }
        close(ends[0])
        try result.get()
        #expect(String(decoding: bytes, as: UTF8.self).contains(payload))
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test func symlinkIsWrittenThroughToItsTarget() throws {
        try inFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
            let target = folder + "/real/target.txt"
            try AtomicFile.write("old\n", to: target)
            #expect(symlink("real/target.txt", folder + "/link.txt") == 0)  // relative to the link's folder
            #expect(symlink(folder + "/link.txt", folder + "/link2.txt") == 0)  // a chain: link2 → link → target

            try AtomicFile.write("new\n", to: folder + "/link.txt")
            #expect(contents(target) == "new\n")
            #expect(type(target) == S_IFREG)
            #expect(type(folder + "/link.txt") == S_IFLNK, "the link stays a link")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.txt") == "real/target.txt")

            try AtomicFile.write("newer\n", to: folder + "/link2.txt")
            #expect(contents(target) == "newer\n")
            #expect(type(folder + "/link2.txt") == S_IFLNK)
            #expect(type(folder + "/link.txt") == S_IFLNK)
            #expect(try entries(folder) == ["link.txt", "link2.txt", "real"])
            #expect(try entries(folder + "/real") == ["target.txt"])
        }
    }

    @Test func danglingSymlinkGetsItsTargetCreated() throws {
        try inFolder { folder in
            #expect(symlink("missing.txt", folder + "/dangling") == 0)
            try AtomicFile.write("created\n", to: folder + "/dangling")
            #expect(type(folder + "/dangling") == S_IFLNK)
            #expect(type(folder + "/missing.txt") == S_IFREG)
            #expect(contents(folder + "/dangling") == "created\n")
            #expect(try entries(folder) == ["dangling", "missing.txt"])

            // A dangling link into a folder that does not exist: an error, nothing created.
            #expect(symlink("nowhere/x.txt", folder + "/lost") == 0)
            let error = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: folder + "/lost") }
            #expect(error.description.contains("no such folder"))
            #expect(type(folder + "/lost") == S_IFLNK)
            #expect(try entries(folder) == ["dangling", "lost", "missing.txt"])
        }
    }

    @Test func directoryIsRefused() throws {
        try inFolder { folder in
            let directory = folder + "/dir"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try AtomicFile.write("inside\n", to: directory + "/keep.txt")
            let error = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory) }
            #expect(error.description == "\(directory): cannot write: is a directory")
            #expect(type(directory) == S_IFDIR)
            #expect(try entries(directory) == ["keep.txt"])
            #expect(try entries(folder) == ["dir"])

            #expect(symlink("dir", folder + "/to-dir") == 0)
            let viaLink = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: folder + "/to-dir") }
            #expect(viaLink.description.contains("leads to a directory"))
            #expect(type(folder + "/to-dir") == S_IFLNK)
            #expect(try entries(folder) == ["dir", "to-dir"])
        }
    }

    @Test func socketIsRefused() throws {
        try inFolder { folder in
            let path = folder + "/sock"
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            #expect(fd >= 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0)
            let error = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path) }
            #expect(error.description.contains("is a socket"))
            #expect(type(path) == S_IFSOCK)
            #expect(try entries(folder) == ["sock"])
        }
    }

    @Test func failuresLeaveNothingBehind() throws {
        try inFolder { folder in
            // A missing folder.
            let missing = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: folder + "/missing/x.txt") }
            #expect(missing.description == "\(folder)/missing/x.txt: cannot write: no such folder \(folder)/missing")
            // A loop of links.
            #expect(symlink("b", folder + "/a") == 0)
            #expect(symlink("a", folder + "/b") == 0)
            let loop = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: folder + "/a") }
            #expect(loop.description.contains("too many levels of symbolic links"))
            #expect(try entries(folder) == ["a", "b"])
        }
    }
}

/// Bytes handed from the FIFO's reading thread to the test.
private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func set(_ bytes: [UInt8]) { lock.withLock { self.bytes = bytes } }
    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
