import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

/// `EcosystemBuilder` against the file format, the what-if ranking changes against brute force, and loading.
@Suite struct BuilderAndRankingTests {
    @Test func theBuilderMakesWhatTheFileFormatMakes() throws {
        var b = EcosystemBuilder(name: "tiny", description: "built in code")
        b.reference("paper", title: "A paper", publisher: "Lab", date: EcoDate(year: 2025, month: 1), url: "https://example.org/p")
        b.node("cn", kind: .state, label: "China")
        b.node("lab", kind: .company, attributes: ["country": "cn"], sources: ["paper"])
        b.node("m", kind: .model, label: "Model M", attributes: ["year": 2025, "open": true], inferred: true, note: "n")
        b.node("hub", kind: NodeKind("hub", "A model hub."))
        b.edge("lab", "m", .develops, sources: ["seed:L1"])
        b.edge("m", "hub", EdgeKind("hosted_on", "Is hosted on.", from: .any, to: .only(["hub"]), role: .dependency(dependent: .source)),
               weight: 2, confidence: 0.5)
        let built = try b.build()
        let file = """
            ecograph: 1
            name: tiny
            description: built in code
            references:
              paper: {title: A paper, publisher: Lab, date: "2025-01", url: "https://example.org/p"}
            kinds:
              nodes:
                hub: A model hub.
              edges:
                hosted_on: {description: Is hosted on., from: ["*"], to: [hub], role: dependency, dependent: source}
            nodes:
              - {id: cn, kind: state, label: China}
              - {id: lab, kind: company, attributes: {country: cn}, sources: [paper]}
              - {id: m, kind: model, label: Model M, attributes: {year: 2025, open: true}, inferred: true, note: n}
              - {id: hub, kind: hub}
            edges:
              - {from: lab, to: m, kind: develops, sources: ["seed:L1"]}
              - {from: m, to: hub, kind: hosted_on, weight: 2, confidence: 0.5}
            """
        #expect(built == (try EcosystemFile.decode(file, format: .yaml, file: "tiny.yaml")))
        #expect(built.nodes.map(\.label) == ["China", "lab", "Model M", "hub"])
        #expect(built.edges[1].weight == 2 && built.edges[1].confidence == 0.5)
        // The dependency view: m depends on lab (develops: the target depends) and on hub (hosted_on: the source depends).
        let graph = LoadedGraph(ecosystem: built)
        #expect(try graph.nodes(in: .ids(["m"])).flatMap { m in graph.graph.outArcs(m).map { graph.id(Int(graph.graph.outTargets[$0])) } }.sorted() == ["hub", "lab"])
    }

    @Test func theBuilderReportsEveryProblemAtItsLine() {
        var b = EcosystemBuilder()
        b.node("a", kind: .company); let nodeLine = #line
        b.node("a", kind: .model); let duplicateLine = #line
        b.edge("a", "ghost", .develops); let edgeLine = #line
        let failure = #expect(throws: ValidationFailure.self) { try b.build() }
        let lines = failure?.diagnostics.map { $0.position?.line } ?? []
        #expect(lines.contains(duplicateLine) && lines.contains(edgeLine) && !lines.contains(nodeLine), "\(failure?.description ?? "")")
        #expect(failure?.diagnostics.allSatisfy { $0.file.hasSuffix("BuilderAndRankingTests.swift") } == true)
        #expect(failure?.issues.count == failure?.diagnostics.count)
    }

    /// Reach impact by brute force: for each X, the pairs (C, T), C ≠ X, with T reachable from C before and not
    /// after X is removed (T = X included).
    private func bruteImpact(_ graph: LoadedGraph, removed: Set<Int>) -> [Int] {
        let n = graph.nodeCount, g = graph.graph
        func reach(from c: Int, without x: Int?) -> Set<Int> {
            var seen: Set<Int> = [c], stack = [c]
            while let u = stack.popLast() {
                for arc in g.outArcs(u) {
                    let v = Int(g.outTargets[arc])
                    if v != x, !removed.contains(v), !removed.contains(u), seen.insert(v).inserted { stack.append(v) }
                }
            }
            return seen
        }
        return (0 ..< n).map { x in
            removed.contains(x) ? 0 : (0 ..< n).filter { $0 != x && !removed.contains($0) }.reduce(0) { sum, c in
                sum + reach(from: c, without: nil).subtracting(reach(from: c, without: x)).count
            }
        }
    }

    @Test func rankingChangesMatchBruteForceBeforeAndAfter() throws {
        let graph = try LoadedGraph.load(path: Fixtures.path("ecosystems/supply-chain.yaml"))
        let result = try graph.whatIf(Scenario(name: "fab", removeNodes: ["fab"]), rankingSize: 20)
        let index = graph.nodeIndex()
        let before = bruteImpact(graph, removed: []), after = bruteImpact(graph, removed: [index["fab"]!])
        func ranks(_ impact: [Int]) -> [Int] {
            (0 ..< graph.nodeCount).map { x in 1 + impact.filter { $0 > impact[x] }.count }
        }
        let rankBefore = ranks(before), rankAfter = ranks(after)
        #expect(!result.rankingChanges.isEmpty)
        for change in result.rankingChanges {
            let x = index[change.id]!
            #expect(change.impactBefore == before[x], "\(change.id)")
            #expect(change.impactAfter == after[x], "\(change.id)")
            #expect(change.rankBefore == rankBefore[x], "\(change.id)")
            #expect(change.rankAfter == (change.id == "fab" ? nil : rankAfter[x]), "\(change.id)")
        }
        // Every node with impact before is listed (20 covers them all), in rank order, then by id.
        #expect(Set(result.rankingChanges.map(\.id)) == Set((0 ..< graph.nodeCount).filter { before[$0] > 0 || after[$0] > 0 }.map(graph.id)))
        #expect(result.rankingChanges.map(\.rankBefore) == result.rankingChanges.map(\.rankBefore).sorted())
        #expect(result.rankingChanges.first { $0.id == "fab" }?.impactAfter == 0)
    }

    @Test func loadingByURLAndByReaders() throws {
        let path = Fixtures.path("cli/triangle.txt")
        let byPath = try LoadedGraph.load(path: path)
        let byURL = try LoadedGraph.load(contentsOf: URL(fileURLWithPath: path))
        #expect(byPath.table == byURL.table)
        #expect(try LoadedGraph.load(path: path, isDirected: false).graph.isDirected == false)
        #expect(throws: GraphFileError.self) { try LoadedGraph.load(contentsOf: URL(string: "https://example.org/g.txt")!) }
        let dot = try #require(throws: GraphFileError.self) { try LoadedGraph.load(path: Fixtures.path("generic/undirected.dot")) }
        #expect(dot.description.contains("DOTReader") && dot.description.split(separator: "\n").count == 1)
        #expect(GenericGraphReaders.standard.formats == [.edgelist, .csv, .graphml])
        let bundled = try LoadedGraph.bundled()
        #expect(bundled.name == Ecosystem.bundledFileName && bundled.ecosystem != nil && bundled.view == .dependency)
    }

    @Test func bridgesAndCutsCarryTheirEdgeKinds() throws {
        let graph = try LoadedGraph.load(path: Fixtures.path("ecosystems/supply-chain.yaml"))
        let report = try graph.chokepoints()
        for bridge in report.bridges {
            #expect(bridge.from < bridge.to)
            #expect(bridge.kind != nil, "\(bridge)")
        }
        #expect(report.bridges.contains(EdgeRef(from: "lab", to: "model-x", kind: "develops")))
        let cut = try graph.minimumCut(from: .ids(["model-y"]), to: .ids(["fab"]), unit: .edges)
        #expect(cut.unit == .edges && cut.size == 1 && cut.edges.allSatisfy { $0.kind != nil })
    }
}
