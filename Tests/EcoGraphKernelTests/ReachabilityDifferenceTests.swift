import EcoGraphKernel
import EcoGraphTestSupport
import Testing

@Suite("Reachability compared between two graphs")
struct ReachabilityDifferenceTests {
    static func graph(_ n: Int, _ edges: [(Int, Int)], directed: Bool = true) throws -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
        for (u, v) in edges { try builder.addEdge(u, v) }
        return builder.build()
    }

    @Test("the worked example: a -> b -> c against a -> c, b -> c")
    func workedExample() throws {
        let before = try Self.graph(3, [(0, 1), (1, 2)]), after = try Self.graph(3, [(0, 2), (1, 2)])
        #expect(try before.reachabilityDifference(to: after, consumers: [0, 1, 2]) == [
            ReachabilityDifference(consumer: 0, lost: [1], gained: []),
            ReachabilityDifference(consumer: 1, lost: [], gained: []),
            ReachabilityDifference(consumer: 2, lost: [], gained: []),
        ])
        // Swapped, lost and gained swap.
        #expect(try after.reachabilityDifference(to: before, consumers: [0]) == [ReachabilityDifference(consumer: 0, lost: [], gained: [1])])
    }

    @Test("equal to set differences of plain searches on 200 random pairs, with cycles, masks and node counts that differ; parallel equals serial")
    func againstSearches() throws {
        var rng = SeededRandom(state: 0xD1FF)
        func reach(_ n: Int, _ edges: [(Int, Int)], _ directed: Bool, from c: Int) -> Set<Int> {
            guard c < n else { return [] }
            var seen: Set<Int> = [c], stack = [c]
            while let u = stack.popLast() {
                for (x, y) in edges {
                    for (p, q) in directed ? [(x, y)] : [(x, y), (y, x)] where p == u && seen.insert(q).inserted { stack.append(q) }
                }
            }
            seen.remove(c)
            return seen
        }
        for trial in 0 ..< 200 {
            let directed = trial % 5 != 0
            let na = 1 + rng.below(20), nb = 1 + rng.below(20)
            let ea = (0 ..< rng.below(3 * na)).map { _ in (rng.below(na), rng.below(na)) }
            let eb = (0 ..< rng.below(3 * nb)).map { _ in (rng.below(nb), rng.below(nb)) }
            let a = try Self.graph(na, ea, directed: directed), b = try Self.graph(nb, eb, directed: directed)
            let masked = trial % 2 == 0
            let ma = masked ? (0 ..< na).map { _ in rng.below(3) != 0 } : nil
            let mb = masked ? (0 ..< nb).map { _ in rng.below(3) != 0 } : nil
            // Dense enough for large strongly connected components (whose consumers share searches); a repeat.
            var consumers = (0 ..< max(na, nb)).filter { _ in rng.below(3) != 0 }
            if let c = consumers.first { consumers.append(c) }
            let result = try a.reachabilityDifference(to: b, consumers: consumers, counted: ma, otherCounted: mb)
            #expect(result == (try a.reachabilityDifference(to: b, consumers: consumers, counted: ma, otherCounted: mb, parallel: false)))
            #expect(result.map(\.consumer) == consumers)
            for item in result {
                let x = reach(na, ea, directed, from: item.consumer).filter { ma?[$0] ?? true }
                let y = reach(nb, eb, directed, from: item.consumer).filter { mb?[$0] ?? true }
                #expect(item.lost == x.subtracting(y).sorted() && item.gained == y.subtracting(x).sorted(), "trial \(trial)")
            }
        }
    }

    @Test("past the list limit every result keeps its counts and drops its lists; at the limit the lists stay")
    func listLimit() throws {
        var rng = SeededRandom(state: 0x11A1)
        for _ in 0 ..< 50 {
            let n = 2 + rng.below(25)
            let a = try Self.graph(n, (0 ..< rng.below(3 * n)).map { _ in (rng.below(n), rng.below(n)) })
            let b = try Self.graph(n, (0 ..< rng.below(3 * n)).map { _ in (rng.below(n), rng.below(n)) })
            let consumers = Array(0 ..< n)
            let full = try a.reachabilityDifference(to: b, consumers: consumers)
            let total = full.reduce(0) { $0 + $1.lostCount + $1.gainedCount }
            #expect(full.allSatisfy { $0.lost?.count == $0.lostCount && $0.gained?.count == $0.gainedCount })
            #expect(try a.reachabilityDifference(to: b, consumers: consumers, listLimit: total) == full)
            if total > 0 {
                for parallel in [true, false] {
                    let counted = try a.reachabilityDifference(to: b, consumers: consumers, listLimit: total - 1, parallel: parallel)
                    #expect(counted.map { [$0.consumer, $0.lostCount, $0.gainedCount] } == full.map { [$0.consumer, $0.lostCount, $0.gainedCount] })
                    #expect(counted.allSatisfy { $0.lost == nil && $0.gained == nil })
                }
            }
        }
    }

    @Test("a consumer outside both graphs is an error")
    func outOfRange() throws {
        let a = try Self.graph(2, [(0, 1)]), b = try Self.graph(3, [])
        #expect(throws: ReachabilityError.nodeOutOfRange(node: 3, nodeCount: 3)) { try a.reachabilityDifference(to: b, consumers: [3]) }
        #expect(try a.reachabilityDifference(to: b, consumers: [2]) == [ReachabilityDifference(consumer: 2, lost: [], gained: [])])
    }
}
