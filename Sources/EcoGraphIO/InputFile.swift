#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading an input file whole, within `InputLimits.inputBytes`: every reader's one way in.
///
/// Regular files, pipes, character devices and `-` (standard input) are read in chunks until their end or the
/// limit. Every format EcoGraph reads is text, so a NUL byte stops the read at once with its line and column
/// (an endless `/dev/zero` fails on its first chunk, not after the limit).
public enum InputFile {
    /// The bytes of `path` (`-`: standard input).
    /// - Throws: `GraphFileError` for a missing, unreadable or directory path, a NUL byte, or input past
    ///   `limits.inputBytes` (with `exceededLimit` set).
    /// - Complexity: `O(b)` time and space for `b` bytes read.
    public static func bytes(_ path: String, limits: InputLimits = .default) throws(GraphFileError) -> [UInt8] {
        let fd = path == "-" ? dup(0) : open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            throw GraphFileError(file: path, position: nil, message: code == ENOENT ? "no such file" : "cannot open: \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw GraphFileError(file: path, position: nil, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw GraphFileError(file: path, position: nil, message: "is a directory, not a graph file")
        }
        let limit = max(limits.inputBytes, 0)
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            throw limits.exceeded(.inputBytes, file: path, what: "the file (\(info.st_size) bytes)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let room = min(chunk.count, limit - bytes.count + 1)
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, room) }
            if got < 0 {
                if errno == EINTR { continue }
                throw GraphFileError(file: path, position: nil, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            let nulAt = chunk.withUnsafeBytes { raw in memchr(raw.baseAddress!, 0, got).map { $0 - UnsafeMutableRawPointer(mutating: raw.baseAddress!) } }
            if let nul = nulAt {
                bytes.append(contentsOf: chunk[0 ..< nul])
                throw GraphFileError(file: path, position: position(ofEndOf: bytes[...]),
                                     message: "a NUL byte: this is not a text file (every graph format EcoGraph reads is text)")
            }
            bytes.append(contentsOf: chunk[0 ..< got])
            if bytes.count > limit {
                throw limits.exceeded(.inputBytes, file: path, what: "the input (more than \(limit) bytes)")
            }
        }
        return bytes
    }

    /// The contents of `path` as UTF-8 text.
    /// - Throws: as `bytes(_:limits:)`, and for bytes that are not UTF-8 (with the line and column of the first).
    public static func text(_ path: String, limits: InputLimits = .default) throws(GraphFileError) -> String {
        let bytes = try bytes(path, limits: limits)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw notUTF8(bytes, file: path)
    }

    /// The error for bytes that are not UTF-8, at the line and column of the first byte that does not decode.
    static func notUTF8(_ bytes: [UInt8], file: String) -> GraphFileError {
        let bad = bytes.isEmpty ? 0 : bytes.withUnsafeBufferPointer { firstInvalidUTF8($0.baseAddress!, 0, $0.count) }
        return GraphFileError(file: file, position: position(ofEndOf: bytes[..<bad]), message: "the file is not valid UTF-8 text")
    }

    /// Whether `path` names a directory (following symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The 1-based line and column just after `bytes` (a prefix of an input), the column counted as every
    /// reader counts it (`column(_:lineStart:offset:)`), a leading byte order mark not counted.
    static func position(ofEndOf bytes: ArraySlice<UInt8>) -> FilePosition {
        guard !bytes.isEmpty else { return FilePosition(line: 1, column: 1) }
        return Array(bytes).withUnsafeBufferPointer { buffer in
            var line = 1, lineStart = skipByteOrderMark(buffer.baseAddress!, buffer.count)
            for k in 0 ..< buffer.count where buffer[k] == UInt8(ascii: "\n") {
                line += 1
                lineStart = k + 1
            }
            return EcoGraphIO.position(buffer.baseAddress!, line, lineStart, buffer.count)
        }
    }
}
