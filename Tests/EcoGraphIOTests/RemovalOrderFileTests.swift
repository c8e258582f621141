import EcoGraphIO
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("Removal order files")
struct RemovalOrderFileTests {
    @Test("one id a line; comments, blanks, tabs, CRLF and a byte order mark; positions of each id")
    func readsIDsWithPositions() throws {
        let text = "\u{FEFF}# policy order\r\n\r\n  us-ban  \r\n\tnvidia # the supplier\nC#\n飞桨 #x\n#last\na#b"
        let order = try RemovalOrderFile.decode(text, file: "order.txt")
        #expect(order.file == "order.txt")
        #expect(order.entries.map(\.id) == ["us-ban", "nvidia", "C#", "飞桨", "a#b"])
        #expect(order.entries.map(\.position) == [FilePosition(line: 3, column: 3), FilePosition(line: 4, column: 2),
                                                  FilePosition(line: 5, column: 1), FilePosition(line: 6, column: 1),
                                                  FilePosition(line: 8, column: 1)])
        // Repeats are kept, in order.
        #expect(try RemovalOrderFile.decode("a\nb\na\n", file: "f").entries.map(\.id) == ["a", "b", "a"])
    }

    @Test("reads a file from disk")
    func readsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-order-\(getpid()).txt").path
        try "x\ny\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try RemovalOrderFile.read(contentsOf: path).entries.map(\.id) == ["x", "y"])
        #expect(throws: GraphFileError(file: path + ".missing", position: nil, message: "no such file")) {
            try RemovalOrderFile.read(contentsOf: path + ".missing")
        }
    }

    @Test("two ids on a line: every such line, at the second id's column")
    func twoIDsOnALine() {
        #expect(throws: GraphFileError([
            Diagnostic(file: "o", position: FilePosition(line: 1, column: 3), message: "one id a line: 'b' follows 'a' (start a comment with #)"),
            Diagnostic(file: "o", position: FilePosition(line: 3, column: 4), message: "one id a line: 'd' follows 'c' (start a comment with #)"),
        ])) {
            try RemovalOrderFile.decode("a b\nok\n c\td e\n", file: "o")
        }
    }

    @Test("no ids at all: empty, blank, or only comments")
    func empty() {
        for text in ["", "\n\n", "# only a comment\n   # another\n", "\u{FEFF}"] {
            #expect(throws: GraphFileError(file: "o", position: nil, message: "no ids: a removal order lists node ids or restriction edge ids, one a line")) {
                try RemovalOrderFile.decode(text, file: "o")
            }
        }
    }

    @Test("an id longer than the limit")
    func longID() throws {
        var limits = InputLimits.default
        limits.idBytes = 4
        #expect(throws: GraphFileError.self) { try RemovalOrderFile.decode("abcd\nabcde\n", file: "o", limits: limits) }
        #expect(try RemovalOrderFile.decode("abcd\n", file: "o", limits: limits).entries.count == 1)
    }
}
