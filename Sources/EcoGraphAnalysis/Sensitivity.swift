import EcoGraphKernel

/// One fact of the graph analysed: a node or an edge, by its index in `LoadedGraph.ecosystem` (the facts the
/// filter keeps), or, for a generic graph, in `LoadedGraph.table`.
public enum Fact: Sendable, Hashable {
    /// The node at an index; taking it away takes its edges too.
    case node(Int)
    /// The edge at an index.
    case edge(Int)
}

/// The result whose sensitivity to single facts is asked.
public enum SensitivityTarget: Sendable, Hashable {
    /// The top k of chokepoint impact (reach model), under the options' consumers and providers.
    case impact
    /// The top k of a centrality measure.
    case centrality(CentralityMeasure)
    /// A scenario's verdict for each consumer: cut off (it loses a counted provider; cascade model: it
    /// fails) or not.
    case scenario(Scenario)
}

/// How a ranked node moves when a fact goes.
public struct RankMove: Sendable, Hashable, CustomStringConvertible {
    /// The node's id.
    public var id: String
    /// Its rank on the full map, or `nil` when it is outside the ranking shown (it enters).
    public var before: Int
    /// Its rank without the fact, or `nil` when the node itself is the fact taken away.
    public var after: Int?
    /// The size of the top compared.
    public var top: Int

    /// "hbm drops from 1 to 4", "x enters the top 10 at 7", "x leaves the top 10 (9 to 12)", "x is taken away (was 3)".
    public var description: String {
        guard let after else { return "\(id) is taken away (was \(before))" }
        if before > top && after <= top { return "\(id) enters the top \(top) at \(after) (from \(before))" }
        if before <= top && after > top { return "\(id) leaves the top \(top) (\(before) to \(after))" }
        return after > before ? "\(id) drops from \(before) to \(after)" : "\(id) rises from \(before) to \(after)"
    }
}

/// What taking one fact away changes, with the fact's provenance.
public struct FactSensitivity: Sendable, Hashable {
    /// The fact.
    public var fact: Fact
    /// The fact in words: a node's id, or an edge as `from -> to (kind)`.
    public var name: String
    /// The node's or edge's kind, when the graph has kinds.
    public var kind: String?
    /// Its confidence (1 for generic graphs).
    public var confidence: Double
    /// Whether it is marked inferred.
    public var inferred: Bool
    /// Its citations.
    public var sources: [String]
    /// Where it is written, when the graph was read from an ecosystem file.
    public var location: FilePosition?
    /// Top-k targets: the nodes entering or leaving the top k, or moving within it, by rank before.
    public var moves: [RankMove]
    /// Top-k targets: how many nodes of the top k leave it (as many enter).
    public var setChange: Int
    /// Top-k targets: the sum over the top k of how far each node's rank moves (a node taken away moves to
    /// the last rank).
    public var displacement: Int
    /// Scenario targets: consumers cut off on the full map and not without the fact, sorted.
    public var noLongerCutOff: [String]
    /// Scenario targets: consumers cut off only without the fact, sorted.
    public var nowCutOff: [String]

    /// What changes, in words: "kenya no longer cut off", "hbm drops from 1 to 4".
    public var changes: [String] {
        noLongerCutOff.map { "\($0) no longer cut off" } + nowCutOff.map { "\($0) now cut off" } + moves.map(\.description)
    }

    /// How much the fact matters: verdicts flipped, else top-k members changed, then the displacement.
    var weight: (Int, Int, Int) { (noLongerCutOff.count + nowCutOff.count, setChange, displacement) }
}

/// An extra edge that would save consumers from a scenario.
public struct Rescue: Sendable, Hashable {
    /// The candidate edge, as given.
    public var edge: EcosystemEdge
    /// The consumers cut off by the scenario on the map and not with this edge added, sorted.
    public var saved: [String]
}

/// The facts a result depends on most.
public struct SensitivityReport: Sendable {
    /// The share of facts whose removal changes the result, with a 95% Wilson score interval; exact (a
    /// zero-width interval) when every fact was examined. For a uniform sample of `examined` out of
    /// `population` facts, the interval bounds the share over all facts at 95% confidence.
    public var changingShare: (estimate: Double, low: Double, high: Double) {
        let n = Double(max(examined, 1)), p = Double(facts.count) / n
        guard examined < population else { return (p, p, p) }
        let z = 1.959963984540054, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / (1 + z2 / n)
        return (p, max(0, centre - half), min(1, centre + half))
    }

    /// What was asked about.
    public var target: SensitivityTarget
    /// The size of the top compared (top-k targets).
    public var top: Int
    /// Top-k targets: the top k on the full map, by rank. Scenario targets: the consumers it cuts off.
    public var baseline: [String]
    /// How many facts were taken away one at a time.
    public var examined: Int
    /// How many facts the graph has: more than `examined` when a sample was examined.
    public var population: Int
    /// The facts whose removal changes the result, most consequential first (then in file order).
    public var facts: [FactSensitivity]
}

extension LoadedGraph {
    /// The single facts whose removal changes a result most ("load-bearing facts").
    ///
    /// Each node and edge of the graph analysed is taken away on its own (a node with its edges) and the
    /// target is computed again:
    /// - **top-k targets** (`impact`, a centrality measure) compare the top `top` by competition rank (ties by
    ///   id) with the full map's: `setChange` counts members that leave; `displacement` sums the rank moves of
    ///   the full map's top `top` (a node taken away moves to the last rank, `n`);
    /// - **scenario targets** compare each consumer's verdict (cut off or not) with the full map's.
    /// Facts that change nothing are left out; the rest are ordered by verdicts flipped, then members
    /// changed, then displacement, then file order.
    ///
    /// The method avoids recomputing what cannot change. An edge that is one of several file edges behind
    /// one kernel edge (a repeated relation) changes nothing and is skipped. For `impact`, chokepoint impact
    /// is a sum over consumers of dominator-subtree sizes, and only a consumer from which the removed fact
    /// is reachable can see its dominator tree change; so the impact without the fact is the full impact,
    /// minus the contributions of those consumers on the full map, plus theirs without the fact. (Being on a
    /// consumer's dominator tree is not enough to prune on: removing `a -> v` where `v` also has the
    /// predecessor `b` moves `v` under `b` although `a -> v` is no tree edge.) Facts run in parallel on all
    /// cores; results are collected by fact, so the output does not depend on scheduling.
    ///
    /// - Parameters:
    ///   - target: what to recompute.
    ///   - options: consumers, providers, impact model (the model applies to scenario targets; `impact` is
    ///     the reach model's).
    ///   - top: the size of the top compared (top-k targets).
    ///   - facts: which facts to try (default: every node and edge).
    /// - Throws: `AnalysisError` as the target's analysis does (an unknown consumer selection, a scenario
    ///   naming unknown ids, a measure that fails), or `.invalidParameter(.top)` for `top < 1`.
    /// - Complexity: one target computation per fact, over the consumers that reach it for `impact`.
    public func sensitivity(of target: SensitivityTarget, options: ChokepointOptions = .init(), top: Int = 10,
                            facts: [Fact]? = nil) throws(AnalysisError) -> SensitivityReport {
        guard top >= 1 else { throw .invalidParameter(.top, value: "\(top)", expected: "at least 1") }
        let facts = facts ?? allFacts
        let consumers = try nodes(in: options.consumers)
        var providerMask: [Bool]?
        if options.providers != .all {
            var mask = [Bool](repeating: false, count: nodeCount)
            for p in try nodes(in: options.providers) { mask[p] = true }
            providerMask = mask
        }
        let context = try SensitivityContext(graph: self, target: target, options: options, consumers: consumers, providers: providerMask, top: top)
        // Facts dealt round-robin over the kernel's fixed partitions, run in parallel, collected by fact.
        var results = [Result<FactSensitivity?, AnalysisError>](repeating: .success(nil), count: facts.count)
        let partials = SourcePartitions.map(sources: Array(facts.indices)) { slice in
            slice.map { i in (i, Result { () throws(AnalysisError) in try context.effect(of: facts[i]) }) }
        }
        for partial in partials { for (i, result) in partial { results[i] = result } }
        var changed: [FactSensitivity] = []
        for result in results {
            switch result {
            case .success(let entry): if let entry { changed.append(entry) }
            case .failure(let error): throw error
            }
        }
        let order = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($1, $0) })
        changed.sort { a, b in a.weight != b.weight ? a.weight > b.weight : order[a.fact]! < order[b.fact]! }
        return SensitivityReport(target: target, top: top, baseline: context.baseline, examined: facts.count,
                                 population: max(facts.count, allFacts.count), facts: changed)
    }

    /// A uniform sample of facts without replacement, in their order, the same for the same seed: for graphs
    /// too large to take every fact away (see `SensitivityReport.changingShare`).
    /// - Complexity: `O(f)` for `f` facts.
    public static func sample(_ facts: [Fact], count: Int, seed: UInt64) -> [Fact] {
        guard count < facts.count else { return facts }
        // Selection sampling (Knuth's Algorithm S) driven by SplitMix64.
        var state = seed, chosen: [Fact] = [], needed = count
        chosen.reserveCapacity(count)
        for (i, fact) in facts.enumerated() where needed > 0 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let u = Double(z >> 11) / Double(1 << 53)
            if Double(facts.count - i) * u < Double(needed) { chosen.append(fact); needed -= 1 }
        }
        return chosen
    }

    /// Which single extra edge, from a list of candidates (an alternative supplier, another model), would
    /// save consumers that a scenario cuts off; candidates that save none are left out; the rest come
    /// most consumers saved first, then in the order given.
    ///
    /// - Throws: `AnalysisError.scenario` as `whatIf`; `.candidate` for a candidate that names an unknown node
    ///   or a kind that may not join its ends; `.restrictionsNeedTypedDependencyView` on a generic graph.
    /// - Complexity: one scenario simulation per candidate.
    public func rescues(from scenario: Scenario, candidates: [EcosystemEdge], options: ChokepointOptions = .init()) throws(AnalysisError) -> [Rescue] {
        guard let ecosystem, view == .dependency else { throw .restrictionsNeedTypedDependencyView }
        let cutOff = try self.cutOff(by: scenario, options: options)
        var rescues: [Rescue] = []
        for candidate in candidates {
            var extended = ecosystem
            extended.edges.append(candidate)
            if let issue = extended.validate().first(where: { $0.subject == .edge(extended.edges.count - 1) }) {
                throw .candidate(issue.message)
            }
            let graph = LoadedGraph(ecosystem: extended, view: .dependency, filter: FactFilter(asOf: filter.asOf), name: name)
            let after = try graph.cutOff(by: scenario, options: options)
            let saved = cutOff.subtracting(after).sorted()
            if !saved.isEmpty { rescues.append(Rescue(edge: candidate, saved: saved)) }
        }
        let order = Dictionary(candidates.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return rescues.sorted { $0.saved.count != $1.saved.count ? $0.saved.count > $1.saved.count : order[$0.edge]! < order[$1.edge]! }
    }

    /// Every node and edge of the graph analysed, nodes first.
    public var allFacts: [Fact] {
        let edgeCount = ecosystem?.edges.count ?? table.edgeCount
        return (0 ..< nodeCount).map(Fact.node) + (0 ..< edgeCount).map(Fact.edge)
    }

    /// The consumers a scenario cuts off: they lose a counted provider (reach), or fail (cascade).
    func cutOff(by scenario: Scenario, options: ChokepointOptions) throws(AnalysisError) -> Set<String> {
        let result = try whatIf(scenario, options: options, rankingSize: 0)
        return Set(result.affected.map(\.id))
    }

    /// The graph without one fact, with the same filter's day (so liftings still count).
    func without(_ fact: Fact) -> LoadedGraph {
        if var reduced = ecosystem {
            switch fact {
            case .node(let i):
                let id = reduced.nodes[i].id
                reduced.nodes.remove(at: i)
                reduced.edges.removeAll { $0.from == id || $0.to == id }
            case .edge(let k):
                reduced.edges.remove(at: k)
            }
            return LoadedGraph(ecosystem: reduced, view: view, filter: FactFilter(asOf: filter.asOf), name: name)
        }
        var t = table
        let keep: [Int]
        switch fact {
        case .node(let x): keep = (0 ..< t.edgeCount).filter { Int(t.sources[$0]) != x && Int(t.targets[$0]) != x }
        case .edge(let k): keep = (0 ..< t.edgeCount).filter { $0 != k }
        }
        t.sources = keep.map { table.sources[$0] }
        t.targets = keep.map { table.targets[$0] }
        t.weights = table.weights.map { w in keep.map { w[$0] } }
        t.edgeKinds = table.edgeKinds.map { k in keep.map { k[$0] } }
        t.edgeLifetimes = table.edgeLifetimes.map { l in keep.map { l[$0] } }
        return LoadedGraph(table: t, name: name)
    }

    /// A fact's name, kind and provenance.
    func describe(_ fact: Fact) -> (name: String, kind: String?, confidence: Double, inferred: Bool, sources: [String], location: FilePosition?) {
        func located(_ recordIndex: Int?, _ list: [FilePosition?]?) -> FilePosition? {
            guard let recordIndex, let list, recordIndex < list.count else { return nil }
            return list[recordIndex]
        }
        switch fact {
        case .node(let i):
            guard let node = ecosystem?.nodes[i] else { return (id(i), kind(i), 1, false, [], nil) }
            let recordIndex = record?.nodes.firstIndex { $0.id == node.id }
            return (node.id, node.kind, node.confidence, node.inferred, node.sources, located(recordIndex, locations?.nodes))
        case .edge(let k):
            guard let edge = ecosystem?.edges[k] else {
                let kindName = table.edgeKinds.map { table.edgeKindNames[Int($0[k])] }
                return ("\(id(Int(table.sources[k]))) -> \(id(Int(table.targets[k])))" + (kindName.map { " (\($0))" } ?? ""), kindName, 1, false, [], nil)
            }
            let recordIndex = record?.edges.firstIndex { $0 == edge }
            return ("\(edge.from) -> \(edge.to) (\(edge.kind))" + (edge.id.map { " [\($0)]" } ?? ""), edge.kind, edge.confidence, edge.inferred,
                    edge.sources, located(recordIndex, locations?.edges))
        }
    }
}

/// What `sensitivity(of:)` computes once and shares between facts.
private struct SensitivityContext: Sendable {
    let graph: LoadedGraph
    let target: SensitivityTarget
    let options: ChokepointOptions
    let consumers: [Int]
    let providers: [Bool]?
    let top: Int
    /// Full-map scores (impact or a measure), by node.
    let scores: [Double]
    /// Full-map competition ranks, by node.
    let ranks: [Int]
    /// The full map's top, or the consumers a scenario cuts off.
    let baseline: [String]
    let cutOff: Set<String>
    /// How many file edges stand behind each kernel edge.
    let multiplicity: [Int]
    /// Kernel edge of each table edge, and table edges of each ecosystem edge.
    let kernelEdge: [Int]
    let tableEdges: [[Int]]

    init(graph: LoadedGraph, target: SensitivityTarget, options: ChokepointOptions, consumers: [Int], providers: [Bool]?, top: Int) throws(AnalysisError) {
        self.graph = graph
        self.target = target
        self.options = options
        self.consumers = consumers
        self.providers = providers
        self.top = top
        let g = graph.graph
        var kernelEdge = [Int](repeating: -1, count: graph.table.edgeCount)
        var multiplicity = [Int](repeating: 0, count: g.edgeCount)
        for e in 0 ..< graph.table.edgeCount {
            if let k = g.edgeID(from: Int(graph.table.sources[e]), to: Int(graph.table.targets[e])) { kernelEdge[e] = k; multiplicity[k] += 1 }
        }
        self.kernelEdge = kernelEdge
        self.multiplicity = multiplicity
        var tableEdges = [[Int]](repeating: [], count: graph.ecosystem?.edges.count ?? graph.table.edgeCount)
        for e in 0 ..< graph.table.edgeCount { tableEdges[graph.edgeOrigins?[e] ?? e].append(e) }
        self.tableEdges = tableEdges
        switch target {
        case .scenario(let scenario):
            cutOff = try graph.cutOff(by: scenario, options: options)
            scores = []
            ranks = []
            baseline = cutOff.sorted()
        case .impact, .centrality:
            let scores = try Self.scores(of: target, on: graph, consumers: consumers, providers: providers)
            let ranks = Self.ranks(scores, graph)
            self.scores = scores
            self.ranks = ranks
            cutOff = []
            baseline = (0 ..< graph.nodeCount).filter { ranks[$0] <= top }
                .sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : graph.id($0) < graph.id($1) }.map(graph.id)
        }
    }

    static func scores(of target: SensitivityTarget, on graph: LoadedGraph, consumers: [Int], providers: [Bool]?) throws(AnalysisError) -> [Double] {
        switch target {
        case .impact:
            let g = graph.graph.unweighted
            return try kernelCall { () throws(CSRGraphError) in try g.dependencyImpact(consumers: consumers, providers: providers, parallel: false) }.impact.map(Double.init)
        case .centrality(let measure):
            return try graph.centralityScores(measure)
        case .scenario:
            return []
        }
    }

    /// Competition ranks by score, highest first, ties by id.
    static func ranks(_ scores: [Double], _ graph: LoadedGraph) -> [Int] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : graph.id($0) < graph.id($1) }
        var rank = [Int](repeating: 0, count: scores.count)
        for (position, node) in order.enumerated() {
            rank[node] = position > 0 && scores[order[position - 1]] == scores[node] ? rank[order[position - 1]] : position + 1
        }
        return rank
    }

    /// What taking a fact away changes, or `nil` when nothing does.
    func effect(of fact: Fact) throws(AnalysisError) -> FactSensitivity? {
        // An edge that takes no kernel edge away (a repeated relation; for a ranking, an edge outside the
        // view) changes nothing.
        if case .edge(let k) = fact, removedKernelEdges(k).isEmpty {
            if case .scenario = target, tableEdges[k].isEmpty {} else { return nil }
        }
        var entry: FactSensitivity
        let about = graph.describe(fact)
        func make() -> FactSensitivity {
            FactSensitivity(fact: fact, name: about.name, kind: about.kind, confidence: about.confidence, inferred: about.inferred,
                            sources: about.sources, location: about.location, moves: [], setChange: 0, displacement: 0,
                            noLongerCutOff: [], nowCutOff: [])
        }
        switch target {
        case .scenario(var scenario):
            // Without the fact, the scenario cannot name it: a restriction taken away (itself, or with its
            // issuer or item) is not applied, a node taken away is not removed again.
            switch fact {
            case .edge(let k): if let id = graph.ecosystem?.edges[k].id { scenario.apply.removeAll { $0 == id } }
            case .node(let x):
                let id = graph.id(x)
                scenario.removeNodes.removeAll { $0 == id }
                let gone = Set(graph.ecosystem?.edges.filter { $0.from == id || $0.to == id }.compactMap(\.id) ?? [])
                scenario.apply.removeAll { gone.contains($0) }
            }
            let after = try graph.without(fact).cutOff(by: scenario, options: options)
            entry = make()
            entry.noLongerCutOff = cutOff.subtracting(after).sorted()
            entry.nowCutOff = after.subtracting(cutOff).sorted()
            if case .node(let x) = fact { entry.noLongerCutOff.removeAll { $0 == graph.id(x) } }
            guard !entry.noLongerCutOff.isEmpty || !entry.nowCutOff.isEmpty else { return nil }
            return entry
        case .impact, .centrality:
            let after = try scoresWithout(fact)
            // Ranks without the fact, on the full map's node indices (a removed node is ranked last).
            let removedNode: Int? = if case .node(let x) = fact { x } else { nil }
            var newRanks = Self.ranks(after, graph)
            if let removedNode { newRanks[removedNode] = graph.nodeCount }
            entry = make()
            let shown = (0 ..< graph.nodeCount).filter { ranks[$0] <= top || (newRanks[$0] <= top && $0 != removedNode) }
            for x in shown.sorted(by: { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : graph.id($0) < graph.id($1) })
                where newRanks[x] != ranks[x] || x == removedNode {
                entry.moves.append(RankMove(id: graph.id(x), before: ranks[x], after: x == removedNode ? nil : newRanks[x], top: top))
            }
            let topBefore = Set((0 ..< graph.nodeCount).filter { ranks[$0] <= top })
            entry.setChange = topBefore.filter { newRanks[$0] > top }.count
            entry.displacement = topBefore.reduce(0) { $0 + abs(newRanks[$1] - ranks[$1]) }
            guard !entry.moves.isEmpty else { return nil }
            return entry
        }
    }

    /// The kernel edges an ecosystem (or table) edge takes away: those it alone stands behind.
    func removedKernelEdges(_ k: Int) -> Set<Int> {
        var mine: [Int: Int] = [:]
        for e in tableEdges[k] where kernelEdge[e] >= 0 { mine[kernelEdge[e], default: 0] += 1 }
        return Set(mine.filter { multiplicity[$0.key] == $0.value }.keys)
    }

    /// The target's scores without a fact, on the full map's node indices (a removed node scores -infinity).
    func scoresWithout(_ fact: Fact) throws(AnalysisError) -> [Double] {
        guard case .impact = target else {
            let reduced = graph.without(fact)
            var result = [Double](repeating: -.infinity, count: graph.nodeCount)
            let computed = try Self.scores(of: target, on: reduced, consumers: [], providers: providers)
            // Node indices agree unless a node was removed from an ecosystem.
            let map = reduced.nodeCount == graph.nodeCount ? Array(0 ..< graph.nodeCount) : {
                let index = graph.nodeIndex()
                return (0 ..< reduced.nodeCount).map { index[reduced.id($0)]! }
            }()
            for (i, x) in map.enumerated() { result[x] = computed[i] }
            return result
        }
        // Impact: only consumers that reach the fact can change; recompute theirs.
        let g = graph.graph.unweighted
        var removedNodes = Set<Int>(), removedEdges = Set<Int>()
        var tails: [Int] = []
        switch fact {
        case .node(let x):
            removedNodes.insert(x)
            tails = [x]
        case .edge(let k):
            removedEdges = removedKernelEdges(k)
            tails = removedEdges.map { Int(g.edgeSources[$0]) }
        }
        var reaches = [Bool](repeating: false, count: g.nodeCount)
        var stack = tails
        for t in tails { reaches[t] = true }
        while let x = stack.popLast() {
            for arc in g.inArcs(x) where !reaches[Int(g.inSources[arc])] {
                reaches[Int(g.inSources[arc])] = true
                stack.append(Int(g.inSources[arc]))
            }
        }
        let affected = consumers.filter { reaches[$0] }
        let reduced = graph.graphRemoving(nodes: removedNodes, edges: removedEdges)
        let before = try kernelCall { () throws(CSRGraphError) in try g.dependencyImpact(consumers: affected, providers: providers, parallel: false) }.impact
        let after = try kernelCall { () throws(CSRGraphError) in
            try reduced.dependencyImpact(consumers: affected.filter { !removedNodes.contains($0) }, providers: providers, parallel: false)
        }.impact
        var result = scores
        for x in 0 ..< graph.nodeCount { result[x] += Double(after[x] - before[x]) }
        for x in removedNodes { result[x] = -.infinity }
        return result
    }
}
