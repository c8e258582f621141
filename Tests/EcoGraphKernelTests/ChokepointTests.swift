import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct ChokepointTests {
    @Test(arguments: DominanceTestSupport.directedNames)
    func matchesNetworkXBruteForce(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let expected = try DominanceTestSupport.expected(name)["dependency_impact"] as! [String: Any]
        let result = try graph.dependencyImpact()
        #expect(result.impact == DominanceTestSupport.ints(expected["impact"]), "\(name)")
        #expect(result.dependents == DominanceTestSupport.ints(expected["dependents"]), "\(name)")
        #expect(result.consumerCount == graph.nodeCount)
    }

    @Test func workedExample() throws {
        // app(0) -> lib(1) -> core(3), app -> util(2) -> core, core -> libc(4).
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v) in [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        let result = try graph.dependencyImpact()
        // core: app, lib, util each lose core and libc: 6; libc: 4 consumers lose 1.
        #expect(result.impact == [0, 1, 1, 6, 4])
        #expect(result.dependents == [0, 1, 1, 3, 4])
        #expect(try graph.chokepoints(of: 0) == [
            Chokepoint(node: 3, lost: 2), Chokepoint(node: 1, lost: 1), Chokepoint(node: 2, lost: 1),
            Chokepoint(node: 4, lost: 1),
        ])
        #expect(try Set(graph.dominatorTree(from: 0).dominatedNodes(by: 3)) == [3, 4])
        // Only the app as consumer.
        let app = try graph.dependencyImpact(consumers: [0, 0])
        #expect(app.impact == [0, 1, 1, 2, 1] && app.dependents == [0, 1, 1, 1, 1] && app.consumerCount == 1)
        #expect(try graph.dependencyImpact(consumers: []).impact == [0, 0, 0, 0, 0])
        #expect(throws: CSRGraphError.nodeOutOfRange(node: 5, nodeCount: 5)) {
            try graph.dependencyImpact(consumers: [1, 5])
        }
        #expect(throws: CSRGraphError.nodeOutOfRange(node: -2, nodeCount: 5)) { try graph.chokepoints(of: -2) }
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().dependencyImpact().impact == [])
    }

    /// `impact(x) = Σ_{c ≠ x} |reach(c)| - |reach_{G - x}(c)|`, exactly; serial equals parallel; per-consumer
    /// chokepoints sum to the impact.
    @Test func bruteForceOnRandomDigraphs() throws {
        for seed in 1 ... 250 as ClosedRange<UInt64> {
            let graph = DominanceTestSupport.randomGraph(seed: seed &* 7919, maxNodes: 13, directed: seed % 8 != 0)
            let n = graph.nodeCount
            var generator = SeededGenerator(seed: seed)
            let consumers: [Int] = seed % 3 == 0
                ? (0 ..< n).filter { _ in Bool.random(using: &generator) } : Array(0 ..< n)
            let reaches = (0 ..< n).map { DominanceTestSupport.reach(graph, from: $0) }
            var impact = [Int](repeating: 0, count: n), dependents = [Int](repeating: 0, count: n)
            for x in 0 ..< n {
                for c in consumers where c != x && reaches[c].contains(x) {
                    dependents[x] += 1
                    impact[x] += reaches[c].count - DominanceTestSupport.reach(graph, from: c, removedNode: x).count
                }
            }
            let parallel = try graph.dependencyImpact(consumers: consumers, parallel: true)
            let serial = try graph.dependencyImpact(consumers: consumers, parallel: false)
            #expect(parallel.impact == impact, "seed \(seed)")
            #expect(parallel.dependents == dependents, "seed \(seed)")
            #expect(parallel == serial)
            var summed = [Int](repeating: 0, count: n)
            for c in consumers {
                let points = try graph.chokepoints(of: c)
                #expect(Set(points.map(\.node)) == reaches[c].subtracting([c]))
                for point in points { summed[point.node] += point.lost }
                #expect(points == points.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.node < $1.node })
            }
            #expect(summed == impact)
        }
    }

    /// With a provider set, `impact(x)` counts only lost providers:
    /// `Σ_{c ≠ x} |(reach(c) \ reach_{G - x}(c)) ∩ P|`; `dependents` is unchanged.
    @Test func providersCountOnlyLostProviders() throws {
        for seed in 1 ... 150 as ClosedRange<UInt64> {
            let graph = DominanceTestSupport.randomGraph(seed: seed &* 104_729, maxNodes: 12, directed: true)
            let n = graph.nodeCount
            var generator = SeededGenerator(seed: seed &+ 17)
            let providers = (0 ..< n).map { _ in Bool.random(using: &generator) }
            let reaches = (0 ..< n).map { DominanceTestSupport.reach(graph, from: $0) }
            var impact = [Int](repeating: 0, count: n)
            for x in 0 ..< n {
                for c in 0 ..< n where c != x && reaches[c].contains(x) {
                    let lost = reaches[c].subtracting(DominanceTestSupport.reach(graph, from: c, removedNode: x))
                    impact[x] += lost.filter { providers[$0] }.count
                }
            }
            let counted = try graph.dependencyImpact(providers: providers, parallel: true)
            #expect(counted.impact == impact, "seed \(seed)")
            #expect(counted.dependents == (try graph.dependencyImpact()).dependents)
            #expect(counted == (try graph.dependencyImpact(providers: providers, parallel: false)))
        }
    }

    /// Workspaces are cleared only where the last consumer reached: a mix of large and small reaches in one
    /// partition must still give each consumer its own tree.
    @Test func workspaceReuseAcrossConsumers() throws {
        // Two disjoint parts: a 300-node cycle with chords (large reach) and 300 small chains.
        let n = 1200
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: true)
        for v in 0 ..< 300 { try builder.addEdge(v, (v + 1) % 300) }
        for v in stride(from: 0, to: 300, by: 17) { try builder.addEdge(v, (v + 150) % 300) }
        for v in stride(from: 300, to: n, by: 3) {
            try builder.addEdge(v, v + 1)
            try builder.addEdge(v + 1, v + 2)
            try builder.addEdge(v, 5)  // into the cycle
        }
        let graph = builder.build()
        let all = try graph.dependencyImpact(parallel: true)
        var impact = [Int](repeating: 0, count: n)
        var dependents = [Int](repeating: 0, count: n)
        for c in 0 ..< n {
            for point in try graph.chokepoints(of: c) {
                impact[point.node] += point.lost
                dependents[point.node] += 1
            }
        }
        #expect(all.impact == impact && all.dependents == dependents)
        #expect(all == (try graph.dependencyImpact(parallel: false)))
    }
}
