import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

/// Every result type encodes, through Foundation's `JSONEncoder`, the content of its `outputValue` (the shape
/// `--format json` prints), with the values the analysis computed.
@Suite struct ResultEncodingTests {
    func content(_ text: String) throws -> NSObject { try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSObject }
    func encoded(_ value: some Encodable) throws -> NSObject { try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! NSObject }

    @Test func jsonEncoderAndTheCLIShapeAgree() throws {
        let graph = try LoadedGraph.load(path: Fixtures.path("ecosystems/supply-chain.yaml"))
        let ranking = try graph.centrality(.pagerank)
        let chokepoints = try graph.chokepoints()
        let whatIf = try graph.whatIf(Scenario(name: "ctrl", apply: ["ctrl-a"]), options: ChokepointOptions(model: .cascade))
        let cut = try graph.minimumCut(from: .ids(["model-y"]), to: .ids(["fab"]), unit: .edges)
        let stats = GraphStatistics(graph.table)
        #expect(try encoded(ranking) == content(ranking.outputValue.json))
        #expect(try encoded(chokepoints) == content(chokepoints.outputValue.json))
        #expect(try encoded(whatIf) == content(whatIf.outputValue.json))
        #expect(try encoded(cut) == content(cut.outputValue.json))
        #expect(try encoded(stats) == content(stats.outputValue.json))
        // Values, not just shapes: the cut edge as [from, to], the cascade's rounds, PageRank's top id.
        let cutJSON = try encoded(cut) as! [String: Any]
        #expect(cutJSON["unit"] as? String == "edges" && (cutJSON["cut"] as? [[String]])?.count == 1)
        #expect((try encoded(whatIf) as! [String: Any])["rounds"] as? [[String]] == whatIf.rounds)
        let scores = (try encoded(ranking) as! [String: Any])["scores"] as! [[String: Any]]
        #expect(scores.first?["id"] as? String == ranking.scores.first?.id && scores.count == graph.nodeCount)
    }
}
