import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

/// The edges of a table as `(source id, target id)` pairs, in table order.
func edgePairs(_ table: GraphTable) -> [[String]] {
    zip(table.sources, table.targets).map { [table.nodeIDs[Int($0)], table.nodeIDs[Int($1)]] }
}

/// The error a throwing read raises, or a recorded failure.
func readError(_ body: () throws(GraphFileError) -> GraphTable,
               sourceLocation: SourceLocation = #_sourceLocation) -> GraphFileError? {
    do {
        let table = try body()
        Issue.record("expected a GraphFileError, read \(table.nodeCount) nodes", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Edge list reader")
struct EdgeListReaderTests {
    @Test("comments, blank lines, tabs, CRLF; ids kept as spelled, in first-appearance order")
    func commentsAndIDs() throws {
        let table = try EdgeListReader().read(path: Fixtures.path("generic/comments.edgelist"))
        #expect(table.isDirected)
        #expect(table.nodeIDs == ["pytorch", "numpy", "C#", "dotnet", "飞桨", "اردو", "a#1", "\"quoted\"",
                                  "crlf-a", "crlf-b", "last-a", "last-b"])
        #expect(edgePairs(table) == [
            ["pytorch", "numpy"], ["C#", "dotnet"], ["飞桨", "pytorch"], ["اردو", "飞桨"], ["numpy", "numpy"],
            ["C#", "dotnet"], ["a#1", "\"quoted\""], ["crlf-a", "crlf-b"], ["last-a", "last-b"],
        ])
        // Lines without a weight weigh 1 once any line has one; weights are exactly Double(String)'s.
        let expected = ["1.5", "1", "0.1", "2.5e-3", "1", "0.30000000000000004", "12345678901234567890.5", "7", "1"]
            .map { Double($0)! }
        let weights = try #require(table.weights)
        #expect(weights.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test("parallel edges and self-loops are kept")
    func parallelAndSelfLoops() throws {
        let table = try EdgeListReader().read(string: "a b\na b\nb b\nb a\n")
        #expect(table.edgeCount == 4)
        #expect(edgePairs(table) == [["a", "b"], ["a", "b"], ["b", "b"], ["b", "a"]])
        #expect(table.weights == nil)
    }

    @Test("undirected option")
    func undirected() throws {
        let table = try EdgeListReader(isDirected: false).read(string: "x y\n")
        #expect(!table.isDirected)
        #expect(edgePairs(table) == [["x", "y"]])
    }

    @Test("empty input and a file of comments only are an empty graph, an error")
    func empty() throws {
        for text in ["", "# nothing\n\n   \n", "\u{FEFF}", "\r\n\t\r\n"] {
            let error = try #require(readError { () throws(GraphFileError) in
                try EdgeListReader().read(string: text, fileName: "e.txt")
            })
            #expect(error.description == "e.txt: empty graph: no nodes or edges")
            #expect(error.exceededLimit == nil)
        }
    }

    @Test("weights parse bit for bit like Double(String)")
    func weightsExact() throws {
        let tokens = [
            "0", "-0", "+3", "1.", ".5", "-.5", "0.1", "0.2", "0.3", "1e-7", "1E+10", "2.2250738585072014e-308",
            "4.9e-324", "1.7976931348623157e308", "123456789012345678", "9007199254740993", "0.000001234",
            "3.14159265358979323846264338327950288", "1e22", "1e23", "8.5e-22", "1234567.8e-30", "0x1.8p1",
            "00012", "7.0e0", "5e-324", "1e-400",
        ]
        let text = tokens.enumerated().map { "n\($0.offset) m \($0.element)" }.joined(separator: "\n")
        let table = try EdgeListReader().read(string: text)
        let weights = try #require(table.weights)
        for (token, weight) in zip(tokens, weights) {
            let reference = try #require(Double(token), "Double(\"\(token)\")")
            #expect(weight.bitPattern == reference.bitPattern, "\(token): \(weight) vs \(reference)")
        }
    }

    @Test("every malformed line is reported with FILE:LINE:COLUMN and the offending token")
    func badLines() throws {
        let path = Fixtures.path("generic/bad.edgelist")
        let error = try #require(readError { () throws(GraphFileError) in try EdgeListReader().read(path: path) })
        #expect(error.diagnostics.map(\.description) == [
            "\(path):3:1: expected 'source target [weight]', found one field only: 'lonely'",
            "\(path):5:7: expected at most 3 fields (source target weight), found 4: unexpected 'extra'",
            "\(path):6:5: weight 'heavy' is not a finite number",
            "\(path):8:5: weight 'nan' is not a finite number",
        ])
    }

    @Test("infinite and overflowing weights are rejected")
    func nonFinite() throws {
        let error = try #require(readError { () throws(GraphFileError) in
            try EdgeListReader().read(string: "a b inf\na b 1e999\na b -Infinity\na b 1.5x\n", fileName: "w.txt")
        })
        #expect(error.diagnostics.map(\.description) == [
            "w.txt:1:5: weight 'inf' is not a finite number",
            "w.txt:2:5: weight '1e999' is not a finite number",
            "w.txt:3:5: weight '-Infinity' is not a finite number",
            "w.txt:4:5: weight '1.5x' is not a finite number",
        ])
    }

    @Test("invalid UTF-8 in an id is reported")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("a b\n".utf8) + [0x63, 0xFF, 0x20, 0x64, 0x0A]
        let error = try #require(readError { () throws(GraphFileError) in
            try EdgeListReader().read(bytes: bytes, fileName: "u.txt")
        })
        #expect(error.diagnostics.count == 1)
        #expect(error.description.hasPrefix("u.txt:2:2: id 'c"))  // the column of the bad byte
        #expect(error.description.hasSuffix("' is not valid UTF-8"))
    }

    @Test("a missing file is a GraphFileError naming it")
    func missingFile() throws {
        let error = try #require(readError { () throws(GraphFileError) in
            try EdgeListReader().read(path: "/nonexistent/graph.txt")
        })
        #expect(error.description.hasPrefix("/nonexistent/graph.txt: no such file"))
    }

    @Test("many distinct ids survive the interner's growth")
    func manyIDs() throws {
        var generator = SeededGenerator(seed: 7)
        var lines: [String] = []
        var expectedPairs: [[String]] = []
        for _ in 0 ..< 20_000 {
            let u = "n\(generator.next() % 5000)", v = "节点\(generator.next() % 5000)"
            lines.append("\(u) \(v)")
            expectedPairs.append([u, v])
        }
        let table = try EdgeListReader().read(string: lines.joined(separator: "\n"))
        #expect(edgePairs(table) == expectedPairs)
        #expect(Set(table.nodeIDs).count == table.nodeCount)
    }

    @Test("format detection from the file extension")
    func formatDetection() {
        #expect(GenericGraphFormat(path: "a/b/graph.txt") == .edgelist)
        #expect(GenericGraphFormat(path: "g.EDGES") == .edgelist)
        #expect(GenericGraphFormat(path: "g.el") == .edgelist)
        #expect(GenericGraphFormat(path: "g.csv") == .csv)
        #expect(GenericGraphFormat(path: "g.graphml") == .graphml)
        #expect(GenericGraphFormat(path: "g.xml") == .graphml)
        #expect(GenericGraphFormat(path: "g.gv") == .dot)
        #expect(GenericGraphFormat(path: "g.dot") == .dot)
        #expect(GenericGraphFormat(path: "g.tsv") == nil)
        #expect(GenericGraphFormat(path: "noextension") == nil)
        #expect(GenericGraphFormat(path: "dir.d/.hidden") == nil)
        #expect(GenericGraphFormat(fileExtension: ".CSV") == .csv)
    }

    @Test("readGenericGraph dispatches on the extension")
    func dispatch() throws {
        let edgeList = try readGenericGraph(path: Fixtures.path("generic/comments.edgelist"), format: .edgelist)
        #expect(edgeList.edgeCount == 9)
        let csv = try readGenericGraph(path: Fixtures.path("generic/quoted.csv"), isDirected: false)
        #expect(!csv.isDirected && csv.edgeCount == 5)
        let graphml = try readGenericGraph(path: Fixtures.path("generic/igraph.graphml"))
        #expect(!graphml.isDirected)
        let dot = try #require(readError { () throws(GraphFileError) in
            try readGenericGraph(path: Fixtures.path("generic/attributes.dot"))
        })
        #expect(dot.description.contains("DOTReader"))
    }
}
