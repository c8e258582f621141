import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Testing

@Suite struct GenericGraphWriterTests {
    /// A table with labels, kinds, weights, a self-loop, a parallel edge, Unicode and markup in ids and labels.
    private let table = GraphTable(
        isDirected: true,
        nodeIDs: ["a", "b<&>\"", "通义千问", "c"],
        nodeLabels: ["Alpha", "B & <b>", "Qwen\n(ترجمہ)", "c"],
        nodeKinds: [0, 1, 0, 1], nodeKindNames: ["company", "model"],
        sources: [0, 1, 2, 0, 3], targets: [1, 2, 2, 1, 0], weights: [1, 0.1, 2.5e-7, 3, 1e300],
        edgeKinds: [0, 1, 0, 0, 1], edgeKindNames: ["develops", "builds_on"])

    private func edges(_ t: GraphTable) -> [String] {
        (0 ..< t.edgeCount).map { e in
            "\(t.nodeIDs[Int(t.sources[e])])>\(t.nodeIDs[Int(t.targets[e])])@\(t.weights.map { String($0[e]) } ?? "-")#\(t.edgeKinds.map { t.edgeKindNames[Int($0[e])] } ?? "-")"
        }
    }

    @Test func graphMLRoundTripsEverything() throws {
        let text = try GenericGraphWriter.graphML(table)
        let back = try GraphMLReader().read(string: text, fileName: "w.graphml")
        #expect(back.isDirected)
        #expect(back.nodeIDs == table.nodeIDs)
        #expect((0 ..< 4).map(back.label) == (0 ..< 4).map(table.label))
        #expect((0 ..< 4).map(back.kind) == (0 ..< 4).map(table.kind))
        #expect(edges(back) == edges(table))
        #expect(try GenericGraphWriter.graphML(back) == text)
    }

    @Test func csvAndEdgeListRoundTripEdgesAndWeights() throws {
        let csv = try CSVReader().read(string: GenericGraphWriter.csv(table), fileName: "w.csv")
        #expect(edges(csv) == edges(table))
        let plain = GraphTable(isDirected: false, nodeIDs: ["x", "y", "z"], sources: [0, 1], targets: [1, 2], weights: [0.5, 1e-9])
        let text = try GenericGraphWriter.edgeList(plain)
        #expect(text == "# undirected edge list: source target weight\nx y 0.5\ny z 1e-09\n")
        let list = try EdgeListReader(isDirected: false).read(string: text, fileName: "w.txt")
        #expect(edges(list) == edges(plain))
    }

    @Test func idsAnEdgeListCannotSpellAreAnError() throws {
        let spaced = GraphTable(isDirected: true, nodeIDs: ["a b", "c"], sources: [0], targets: [1])
        let error = try #require(throws: GraphWriteError.self) { try GenericGraphWriter.edgeList(spaced) }
        #expect(error.description.contains("'a b'"))
        #expect(error.id == "a b")
        // DOT and CSV quote ids, so they spell it.
        #expect(try GenericGraphWriter.encode(spaced, as: .dot).contains("\"a b\" -> \"c\""))
    }
}
