import EcoGraphKernel
import EcoGraphTestSupport
import Testing

/// `dependencyImpact` on graphs that are mostly chains (most nodes have one dependency, as a fifth of Debian's
/// packages do), with cycles, self-loops, repeated consumers, consumer subsets and provider sets, checked
/// against the definition by brute force.
@Suite("Dependency impact on chain-heavy graphs")
struct ChainImpactTests {
    @Test("chains, cycles and self-loops: impact and dependents equal the brute-force definition")
    func againstBruteForce() throws {
        var random = SeededRandom(state: 0xF0_4A2D)
        for trial in 0 ..< 300 {
            let n = 1 + random.below(16)
            var builder = CSRGraphBuilder(nodeCount: n, isDirected: true)
            for u in 0 ..< n {
                // Most nodes depend on one other; some on none or several; a few on themselves too.
                let dependencies = [0, 1, 1, 1, 1, 2, 3][random.below(7)]
                for _ in 0 ..< dependencies { try builder.addEdge(u, random.below(n)) }
                if random.below(10) == 0 { try builder.addEdge(u, u) }
            }
            let graph = builder.build()
            let consumers: [Int] = trial % 3 == 0 ? Array(0 ..< n) : (0 ..< n).filter { _ in random.below(2) == 0 }
            let providers: [Bool]? = trial % 2 == 0 ? nil : (0 ..< n).map { _ in random.below(3) != 0 }
            let reaches = (0 ..< n).map { DominanceTestSupport.reach(graph, from: $0) }
            var impact = [Int](repeating: 0, count: n), dependents = [Int](repeating: 0, count: n)
            for x in 0 ..< n {
                for c in Set(consumers) where c != x && reaches[c].contains(x) {
                    dependents[x] += 1
                    let lost = reaches[c].subtracting(DominanceTestSupport.reach(graph, from: c, removedNode: x))
                    impact[x] += lost.filter { providers?[$0] ?? true }.count
                }
            }
            let result = try graph.dependencyImpact(consumers: consumers + consumers.prefix(1), providers: providers, parallel: true)
            #expect(result.impact == impact, "trial \(trial)")
            #expect(result.dependents == dependents, "trial \(trial)")
            #expect(result.consumerCount == Set(consumers).count)
            #expect(result == (try graph.dependencyImpact(consumers: consumers, providers: providers, parallel: false)))
        }
    }

    @Test("a worked chain: a -> b -> c -> d, e -> c, and d -> {f, g} -> h")
    func workedChain() throws {
        // a(0) b(1) c(2) d(3) e(4) f(5) g(6) h(7).
        var builder = CSRGraphBuilder(nodeCount: 8, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (4, 2), (3, 5), (3, 6), (5, 7), (6, 7)] { try builder.addEdge(u, v) }
        let result = try builder.build().dependencyImpact()
        // d: lost by a, b, c, e with all 4 of d, f, g, h: 16. c: a, b, e lose c and d's 4: 15. b: a loses 6.
        // h: a, b, c, d, e, f, g each lose h only: 7. f: a, b, c, d, e lose f: 5.
        #expect(result.impact == [0, 6, 15, 16, 0, 5, 5, 7])
        #expect(result.dependents == [0, 1, 3, 4, 0, 5, 5, 7])
    }
}
