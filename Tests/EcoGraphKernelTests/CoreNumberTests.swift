import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct CoreNumberTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: false)
        let expected = try SpectralFixture.expected(name)
        if let cores = SpectralFixture.values(expected["core_number"]) {
            #expect(try graph.coreNumbers().map(Double.init) == cores, "\(name)")
        } else {
            #expect(SpectralFixture.error(expected["core_number"]) == "NetworkXNotImplemented")
            #expect(throws: CentralityError.selfLoops(measure: "core number", count: graph.selfLoopCount)) {
                try graph.coreNumbers()
            }
        }
    }

    @Test func smallCases() throws {
        // Triangle 0-1-2 with pendant 3, isolated 4.
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: false)
        for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3)] { try builder.addEdge(u, v) }
        #expect(try builder.build().coreNumbers() == [2, 2, 2, 1, 0])
        // Directed: a pair of opposite edges counts 2 (NetworkX: degree = in + out).
        var directed = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        for (u, v) in [(0, 1), (1, 0), (1, 2)] { try directed.addEdge(u, v) }
        #expect(try directed.build().coreNumbers() == [2, 2, 1])
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: false).build().coreNumbers() == [])
    }

    /// The bucket algorithm against the definition: repeatedly peel nodes of degree < k.
    @Test func equalsPeelingOnRandomGraphs() throws {
        for seed in 1 ... 20 as ClosedRange<UInt64> {
            var generator = SeededGenerator(seed: seed)
            let n = Int.random(in: 1 ... 60, using: &generator)
            let directed = seed % 2 == 0
            var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
            for _ in 0 ..< Int.random(in: 0 ... 4 * n, using: &generator) {
                let u = Int.random(in: 0 ..< n, using: &generator), v = Int.random(in: 0 ..< n, using: &generator)
                if u != v { try builder.addEdge(u, v) }
            }
            let graph = builder.build()
            var neighbours = [[Int]](repeating: [], count: n)
            for e in 0 ..< graph.edgeCount {
                let u = Int(graph.edgeSources[e]), v = Int(graph.edgeTargets[e])
                neighbours[u].append(v)
                neighbours[v].append(u)
            }
            var brute = [Int](repeating: 0, count: n)
            var k = 0
            var alive = Set(0 ..< n)
            while !alive.isEmpty {
                k += 1
                var changed = true
                while changed {
                    changed = false
                    for v in alive where neighbours[v].filter({ alive.contains($0) }).count < k {
                        alive.remove(v)
                        brute[v] = k - 1
                        changed = true
                    }
                }
            }
            #expect(try graph.coreNumbers() == brute, "seed \(seed)")
        }
    }

    @Test func relabellingPermutesScores() throws {
        for name in ReferenceGraph.names where !name.hasPrefix("selfloops") {
            let reference = try ReferenceGraph(name)
            let permutation = SpectralFixture.permutation(reference.nodes.count)
            let original = try reference.graph(weighted: false).coreNumbers().map(Double.init)
            let relabelled = try SpectralFixture.relabelled(reference, weighted: false, permutation: permutation)
            #expect(try relabelled.coreNumbers().map(Double.init) == SpectralFixture.permute(original, permutation))
        }
    }
}
