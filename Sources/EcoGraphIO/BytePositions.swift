// Positions and pieces of raw input bytes, for the readers' messages: every reader counts columns the same way
// (Unicode scalars, 1-based, as the YAML and JSON readers do) and shows a bad token the same way.

/// 3 if the bytes start with a UTF-8 byte order mark, else 0.
func skipByteOrderMark(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
}

/// The 1-based column of byte `offset` in the line starting at byte `lineStart`, counted in Unicode scalars
/// (every byte that does not continue a UTF-8 sequence starts one), as the YAML and JSON readers count. Made
/// only for a diagnostic.
func column(_ p: UnsafePointer<UInt8>, lineStart: Int, offset: Int) -> Int {
    var column = 1
    var k = lineStart
    while k < offset {
        if p[k] & 0xC0 != 0x80 { column += 1 }
        k += 1
    }
    return column
}

/// The position of byte `offset` on line `line`, which starts at byte `lineStart`.
func position(_ p: UnsafePointer<UInt8>, _ line: Int, _ lineStart: Int, _ offset: Int) -> FilePosition {
    FilePosition(line: line, column: column(p, lineStart: lineStart, offset: offset))
}

/// The offset of the first byte of `p[start ..< end]` that does not decode as UTF-8 (`start` if all do).
func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var decoder = UTF8()
    var iterator = UnsafeBufferPointer(start: p + start, count: end - start).makeIterator()
    var offset = start
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return start
        case .error: return offset
        }
    }
}

/// A token for a message: decoded leniently, shortened past 80 characters.
func token(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
    // At most 80 characters are shown, so a huge token is not decoded whole.
    let cut = end - start > 400
    let text = String(decoding: UnsafeBufferPointer(start: p + start, count: cut ? 400 : end - start), as: UTF8.self)
    return cut || text.count > 80 ? String(text.prefix(80)) + "…" : text
}
