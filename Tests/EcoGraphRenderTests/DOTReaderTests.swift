import EcoGraphIO
import EcoGraphModel
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
import Testing

private func pairs(_ table: GraphTable) -> [[String]] {
    zip(table.sources, table.targets).map { [table.nodeIDs[Int($0)], table.nodeIDs[Int($1)]] }
}

private func dotError(_ body: () throws(GraphFileError) -> GraphTable,
                      sourceLocation: SourceLocation = #_sourceLocation) -> GraphFileError? {
    do {
        _ = try body()
        Issue.record("expected a GraphFileError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("DOT reader (Graphviz cgraph)")
struct DOTReaderTests {
    @Test("attributes, Unicode ids, subgraphs, parallel edges and self-loops")
    func attributes() throws {
        let table = try DOTReader().read(path: Fixtures.path("generic/attributes.dot"))
        #expect(table.isDirected)
        #expect(table.nodeIDs == ["飞桨", "pytorch", "اردو", "vllm", "node with spaces"])
        #expect(table.nodeLabels == ["PaddlePaddle", "pytorch", "Urdu NLP", "vllm", "node with spaces"])
        #expect((0 ..< table.nodeCount).map { table.kind(of: $0) }
                == ["framework", "framework", "library", "library", "library"])
        #expect(pairs(table) == [
            ["飞桨", "pytorch"], ["اردو", "飞桨"], ["vllm", "pytorch"], ["vllm", "pytorch"],
            ["pytorch", "pytorch"], ["node with spaces", "vllm"],
        ])
        let weights = try #require(table.weights)
        #expect(weights.map(\.bitPattern) == [0.1, 2.5, 3, 0.30000000000000004, 1, 1].map(\.bitPattern))
        let kinds = try #require(table.edgeKinds).map { table.edgeKindNames[Int($0)] }
        #expect(kinds == ["depends_on", "depends_on", "", "runs_on", "", ""])
    }

    @Test("undirected graphs")
    func undirected() throws {
        let table = try DOTReader().read(path: Fixtures.path("generic/undirected.dot"))
        #expect(!table.isDirected)
        #expect(table.nodeIDs == ["a", "b", "c"])
        #expect(pairs(table) == [["a", "b"], ["b", "c"], ["c", "a"], ["b", "b"]])
        #expect(table.weights == nil && table.nodeLabels == nil && table.nodeKinds == nil)
    }

    @Test("a syntax error becomes FILE:LINE with Graphviz's text, and the next read still works")
    func syntaxError() throws {
        let path = Fixtures.path("generic/syntax-error.dot")
        for _ in 0 ..< 2 {
            let error = try #require(dotError { () throws(GraphFileError) in try DOTReader().read(path: path) })
            #expect(error.description == "\(path):3: syntax error near '->'")
        }
        let table = try DOTReader().read(string: "digraph { x -> y }")
        #expect(pairs(table) == [["x", "y"]])
    }

    @Test("line numbers restart for every read")
    func lineNumbersRestart() throws {
        _ = try DOTReader().read(string: "digraph {\n\n\n\n a -> b\n}\n\n// trailing text\n\n")
        let error = try #require(dotError { () throws(GraphFileError) in
            try DOTReader().read(string: "digraph {\n a -> ;\n}\n", fileName: "s.dot")
        })
        #expect(error.diagnostics.first?.position?.line == 2)
    }

    @Test("a second graph in a file does not leak into the next read")
    func secondGraphDoesNotLeak() throws {
        let first = try DOTReader().read(string: "digraph one { a -> b }\ndigraph two { c -> d }\n")
        #expect(first.nodeIDs == ["a", "b"])
        let next = try DOTReader().read(string: "graph three { x -- y }")
        #expect(next.nodeIDs == ["x", "y"] && !next.isDirected)
    }

    @Test("non-numeric weights are reported, all of them, naming the edge")
    func badWeights() throws {
        let path = Fixtures.path("generic/bad-weight.dot")
        let error = try #require(dotError { () throws(GraphFileError) in try DOTReader().read(path: path) })
        #expect(error.diagnostics.map(\.description).sorted() == [
            "\(path): edge 'a' -> 'b': weight 'heavy' is not a finite number",
            "\(path): edge 'c' -> 'a': weight '1e999' is not a finite number",
        ])
    }

    @Test("empty input and a missing file")
    func emptyAndMissing() throws {
        let empty = try #require(dotError { () throws(GraphFileError) in
            try DOTReader().read(string: "", fileName: "e.dot")
        })
        #expect(empty.description == "e.dot: empty graph: no nodes or edges")
        let missing = try #require(dotError { () throws(GraphFileError) in
            try DOTReader().read(path: "/nonexistent/g.dot")
        })
        #expect(missing.description.hasPrefix("/nonexistent/g.dot: no such file"))
    }

    @Test("reads from many tasks at once are serialised by the gate")
    func concurrentReads() async throws {
        let text = (0 ..< 200).map { "n\($0) -> n\($0 + 1);" }.joined(separator: "\n")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0 ..< 16 {
                group.addTask { try DOTReader().read(string: "digraph {\n\(text)\n}").edgeCount }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 16))
    }

    @Test("readAnyGenericGraph reads DOT and the other formats")
    func anyFormat() throws {
        #expect(try readAnyGenericGraph(path: Fixtures.path("generic/undirected.dot")).edgeCount == 4)
        #expect(try readAnyGenericGraph(path: Fixtures.path("generic/networkx.graphml")).edgeCount == 6)
    }
}

@Suite("DOT reader: an empty graph is an error, as in every reader") struct DOTEmptyGraphTests {
    @Test func anEmptyGraphStatementIsAnEmptyGraph() throws {
        for text in ["digraph {}\n", "graph g { }", "strict digraph x {\n// nothing\n}\n"] {
            let error = try #require(throws: GraphFileError.self) { try DOTReader().read(string: text, fileName: "e.dot") }
            #expect(error == GraphFileError.emptyGraph(file: "e.dot"), "\(text)")
        }
        #expect(try DOTReader().read(string: "digraph { a }", fileName: "one.dot").nodeIDs == ["a"])
    }
}

@Suite("Result tables as CSV") struct TextTableCSVTests {
    @Test func lineBreaksOfEveryKindAreQuoted() {
        let csv = TextTable(headers: ["a", "b"], rows: [["x\r\ny", "p\rq"], ["m\nn", "plain"]]).csv
        #expect(csv == "a,b\n\"x\r\ny\",\"p\rq\"\n\"m\nn\",plain\n")
    }
}
