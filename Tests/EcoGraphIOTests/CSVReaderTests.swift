import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("BOM, CRLF, free column order, RFC 4180 quoting, extra columns ignored")
    func quoting() throws {
        let table = try CSVReader().read(path: Fixtures.path("generic/quoted.csv"))
        #expect(table.isDirected)
        #expect(table.nodeIDs == ["pytorch", "numpy", "says \"hi\"", "Smith, Jones & Co", "飞桨", "line one\nline two"])
        #expect(edgePairs(table) == [
            ["pytorch", "numpy"], ["says \"hi\"", "Smith, Jones & Co"], ["飞桨", "line one\nline two"],
            ["pytorch", "pytorch"], ["pytorch", "numpy"],
        ])
        let weights = try #require(table.weights)
        #expect(weights.map(\.bitPattern) == [1.5, 2, 0.1, 1, 0.3].map(\.bitPattern))  // empty weight -> 1
        let kinds = try #require(table.edgeKinds).map { table.edgeKindNames[Int($0)] }
        #expect(kinds == ["depends_on", "quote", "multi\nline", "self", "depends_on"])
    }

    @Test("a header with source and target only")
    func minimal() throws {
        let table = try CSVReader(isDirected: false).read(string: "source,target\na,b\nb,a\na,a\n")
        #expect(!table.isDirected)
        #expect(edgePairs(table) == [["a", "b"], ["b", "a"], ["a", "a"]])
        #expect(table.weights == nil && table.edgeKinds == nil)
    }

    @Test("fields outside quotes are kept verbatim, blanks included")
    func verbatim() throws {
        let table = try CSVReader().read(string: "source,target,weight\n a ,b, 2.5 \n")
        #expect(table.nodeIDs == [" a ", "b"])
        #expect(table.weights == [2.5])
    }

    @Test("every bad record is reported at its physical line and column")
    func badRecords() throws {
        let path = Fixtures.path("generic/bad.csv")
        let error = try #require(readError { () throws(GraphFileError) in try CSVReader().read(path: path) })
        #expect(error.diagnostics.map(\.description) == [
            "\(path):3:5: weight 'heavy' is not a finite number",
            "\(path):6:1: expected 3 fields as in the header, found 2",
            "\(path):7:4: unexpected ' y' after the closing quote of a field",
            "\(path):8:5: weight 'inf' is not a finite number",
            "\(path):9:1: expected 3 fields as in the header, found 2",
            "\(path):9:3: quoted field is not closed before the end of the file",
        ])
    }

    @Test("a header without a target column")
    func missingColumn() throws {
        let path = Fixtures.path("generic/missing-column.csv")
        let error = try #require(readError { () throws(GraphFileError) in try CSVReader().read(path: path) })
        #expect(error.description == "\(path):1:1: the header names no 'target' column (columns: 'Source', 'To', 'Weight')")
    }

    @Test("a column named twice, an empty file, an empty id")
    func headerProblems() throws {
        let twice = try #require(readError { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target,Source\na,b,c\n", fileName: "t.csv")
        })
        #expect(twice.description == "t.csv:1:15: the header names the 'source' column 2 times: 'source', 'Source'")
        let empty = try #require(readError { () throws(GraphFileError) in
            try CSVReader().read(string: "\n\n", fileName: "e.csv")
        })
        #expect(empty.description == "e.csv: empty graph: no nodes or edges")
        let emptyID = try #require(readError { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target\na,\n,b\n", fileName: "i.csv")
        })
        #expect(emptyID.diagnostics.map(\.description) == ["i.csv:2:3: empty target id", "i.csv:3:1: empty source id"])
    }

    @Test("weights parse bit for bit like Double(String)")
    func weightsExact() throws {
        let tokens = ["0.1", "1e-5", "-2.5E3", "0.30000000000000004", "123456789.123456789", "1e308", "\"7.25\""]
        let text = "source,target,weight\n" + tokens.map { "a,b,\($0)" }.joined(separator: "\n")
        let table = try CSVReader().read(string: text)
        let expected = tokens.map { Double($0.replacingOccurrences(of: "\"", with: ""))! }
        #expect(try #require(table.weights).map(\.bitPattern) == expected.map(\.bitPattern))
    }
}
