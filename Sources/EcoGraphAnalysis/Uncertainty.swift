import EcoGraphKernel

// Uncertainty by simulation: sampled worlds of an ecosystem, in which every fact (node or edge) is kept
// independently with probability equal to its confidence, and the spread of a result over those worlds.
//
// The model. A typed ecosystem's facts carry a `confidence` in [0, 1] (a generic graph's, where its file gives
// them: GraphML, DOT and CSV can). A sampled world keeps each node with
// probability = its confidence and each edge with probability = its confidence, all independently; a
// dropped node takes its edges with it. The world's kernel graph is the analysed graph (the projection of
// the facts the `FactFilter` kept) restricted to the surviving facts: a kernel edge that stands for several
// typed edges (the projection merges `u -> v` given twice) survives when any of them does, and weighs what
// the last surviving one weighs (as the projection's "last weight wins"). OR-groups (`alternatives`) are
// read from the ecosystem, so a dropped member simply leaves its group.
//
// Seeds. World `w` of seed `S` draws from `SplitMix64(seed: SplitMix64(seed: S ^ w).next())`: one uniform
// `u = (next() >> 11) · 2⁻⁵³` per fact, first for every node in the ecosystem's order, then for every edge in
// its order (restrictions and edges outside the view included, so a world's draws do not depend on the
// view); a fact is kept when `u < confidence` (always for 1, never for 0). A world depends only on (S, w):
// worlds run in parallel (`SourcePartitions`, per-partition workspaces), their results are stored by world
// index and summarised in world order, so the output is the same byte for byte on one core or many.
//
// Summaries. For each quantity: its exact value on the full map; its mean over the worlds (computed as
// `exact + Σ_w (x_w − exact) / N` in world order, so a quantity that never changes has mean = exact); and
// the 5th and 95th percentiles of the N values (NumPy's default percentile, `Percentile.linear`). Rankings
// add the exact competition rank, the 5th–95th percentiles of the rank over the worlds, and the share of
// worlds in which the item is in the top k (competition rank ≤ k with a positive value).

/// How many worlds to sample, from which seed, and the k of "in the top k".
public struct SimulationOptions: Sendable, Equatable {
    /// The number of sampled worlds `N` (at least 1).
    public var worlds: Int
    /// The seed `S`; world `w` draws from a generator seeded by `SplitMix64(S ^ w)`.
    public var seed: UInt64
    /// `k` of the top-k probability (at least 1).
    public var top: Int
    /// Run the worlds over all cores (the result is the same byte for byte either way).
    public var parallel: Bool
    /// Simulate even when no fact is uncertain (tests: the simulated worlds must then equal the full map).
    var alwaysSimulate = false

    /// Options: `worlds` worlds from `seed`, top-k with `top` (default 10), in parallel.
    public init(worlds: Int, seed: UInt64 = 0, top: Int = 10, parallel: Bool = true) {
        self.worlds = worlds
        self.seed = seed
        self.top = top
        self.parallel = parallel
    }

    /// The most worlds a simulation samples.
    public static let maximumWorlds = 1_000_000
    /// The most values (worlds × items) a simulation keeps: every world's value of every item is kept for
    /// the percentiles (12 bytes each with its rank, so at most about 1.2 GB).
    public static let maximumValues = 100_000_000

    /// Checks the counts against an analysis of `items` items (nodes, edges or consumers).
    /// - Throws: `AnalysisError.invalidParameter` for `worlds` below 1 or above `maximumWorlds` or
    ///   `maximumValues / items` (`.uncertainty`), or `top < 1` (`.top`).
    func validate(items: Int) throws(AnalysisError) {
        guard worlds >= 1 else { throw .invalidParameter(.uncertainty, value: "\(worlds)", expected: "at least 1") }
        let limit = min(Self.maximumWorlds, max(1, Self.maximumValues / max(1, items)))
        guard worlds <= limit else {
            throw .invalidParameter(.uncertainty, value: "\(worlds)", expected: items * Self.maximumWorlds > Self.maximumValues
                ? "at most \(limit) for \(items) items (every world's value of every item is kept, at most \(Self.maximumValues) in all)"
                : "at most \(limit)")
        }
        guard top >= 1 else { throw .invalidParameter(.top, value: "\(top)", expected: "at least 1") }
    }
}

/// The spread of one quantity over the sampled worlds.
public struct WorldSpread: Sendable, Equatable {
    /// The value on the full map (every fact kept).
    public var exact: Double
    /// The mean over the worlds.
    public var mean: Double
    /// The 5th percentile over the worlds (`Percentile.linear`).
    public var low: Double
    /// The 95th percentile over the worlds.
    public var high: Double

    /// A spread from its four numbers.
    public init(exact: Double, mean: Double, low: Double, high: Double) {
        self.exact = exact
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// The spread of values that never change: every number is `value`.
    public static func constant(_ value: Double) -> WorldSpread { WorldSpread(exact: value, mean: value, low: value, high: value) }
}

/// One ranked item (a node, or for edge measures an edge) over the sampled worlds.
public struct UncertainScore: Sendable, Equatable {
    /// Node index, or edge id for edge measures.
    public var index: Int
    /// The node's id, or for an edge its source's id.
    public var id: String
    /// For an edge, its target's id.
    public var target: String?
    /// The node's label (for an edge, `source → target` labels).
    public var label: String
    /// The node's kind, for typed ecosystems.
    public var kind: String?
    /// The score (centrality) or impact (chokepoints): exact, mean, 5th and 95th percentiles. In a world
    /// where the item is dropped it counts as 0.
    public var value: WorldSpread
    /// The exact competition rank: 1 + the number of items with a strictly higher exact value.
    public var rank: Int
    /// The 5th percentile of the item's competition rank over the worlds.
    public var rankLow: Double
    /// The 95th percentile of the item's competition rank over the worlds.
    public var rankHigh: Double
    /// The share of worlds in which the item is in the top k: competition rank ≤ k and a positive value.
    public var topProbability: Double
}

/// A ranking (centrality scores or chokepoint impact) over sampled worlds.
public struct UncertainRanking: Sendable {
    /// The simulation's worlds, seed and k.
    public var simulation: SimulationOptions
    /// The facts behind the analysed graph with a confidence below 1. With none, every world is the full
    /// map and nothing is simulated: every spread is its exact value.
    public var uncertainFacts: Int
    /// The items, in the exact ranking's order (value descending, then id).
    public var items: [UncertainScore]
}

/// One consumer's losses in a scenario, over the sampled worlds.
public struct UncertainConsumer: Sendable, Equatable {
    /// The consumer's id.
    public var id: String
    /// The consumer's label.
    public var label: String
    /// The consumer's kind, for typed ecosystems.
    public var kind: String?
    /// The counted providers it loses (reach), or 1 when it fails and 0 when not (cascade): exact, mean,
    /// 5th and 95th percentiles. In a world where the consumer is dropped it loses nothing.
    public var lost: WorldSpread
    /// The share of worlds in which it is cut off: it loses at least one counted provider (reach), or fails
    /// (cascade).
    public var cutOffProbability: Double
}

/// How many worlds gave one total of lost pairs.
public struct LostPairsFrequency: Sendable, Equatable {
    /// The scenario's total lost pairs (reach) or failed consumers (cascade) in a world.
    public var lostPairs: Int
    /// How many worlds gave that total.
    public var worlds: Int
}

/// What a scenario breaks, over sampled worlds.
public struct UncertainWhatIf: Sendable {
    /// The simulation's worlds, seed and k.
    public var simulation: SimulationOptions
    /// The facts behind the analysed graph (and the restrictions the scenario applies) with a confidence
    /// below 1; with none, every world is the full map.
    public var uncertainFacts: Int
    /// The scenario's total lost pairs (cascade: failed consumers), exact and over the worlds.
    public var lostPairs: WorldSpread
    /// The totals' distribution: each total that occurred, increasing, with its number of worlds.
    public var distribution: [LostPairsFrequency]
    /// Every consumer cut off on the full map or in some world: most often cut off first, then by exact
    /// loss (descending), then by id.
    public var consumers: [UncertainConsumer]
}

/// Percentiles of a sample.
public enum Percentile {
    /// The `percent`-th percentile of values sorted ascending, as NumPy's `numpy.percentile(a, percent)`
    /// computes it by default (`method="linear"`, Hyndman and Fan's definition 7).
    ///
    /// With `n` values `x₀ ≤ … ≤ xₙ₋₁` and `q = percent / 100`: `h = (n − 1) q`, `j = ⌊h⌋`, `g = h − j`; the
    /// result is `xₙ₋₁` when `h ≥ n − 1`, else the interpolation between `xⱼ` and `xⱼ₊₁` in NumPy's own
    /// rounding: `xⱼ₊₁ − (xⱼ₊₁ − xⱼ)(1 − g)` when `g ≥ 0.5`, else `xⱼ + (xⱼ₊₁ − xⱼ) g`. So the 5th
    /// percentile of 0, 10, 20, 30, 40 is 2 (`h = 0.2`), the 95th 38 (`h = 3.8`); of 0, 10, 20, 30 it is
    /// 1.5000000000000002, in NumPy's rounding as in ours. Equal neighbours give their value exactly.
    ///
    /// - Parameters:
    ///   - sorted: the sample, sorted ascending, not empty.
    ///   - percent: in `[0, 100]`.
    /// - Complexity: `O(1)`.
    public static func linear<C: RandomAccessCollection<Double>>(_ sorted: C, _ percent: Double) -> Double where C.Index == Int {
        precondition(!sorted.isEmpty, "the percentile of an empty sample")
        let n = sorted.count, base = sorted.startIndex
        let h = Double(n - 1) * (percent / 100)
        if h >= Double(n - 1) { return sorted[base + n - 1] }
        if h < 0 { return sorted[base] }
        let j = h.rounded(.down)
        let g = h - j
        let a = sorted[base + Int(j)], b = sorted[base + Int(j) + 1]
        let difference = b - a
        return g >= 0.5 ? b - difference * (1 - g) : a + difference * g
    }
}

// MARK: - Sampling worlds

/// The facts behind a loaded graph's kernel graph and their confidences: what a sampled world draws, and
/// how a world's surviving facts become the kernel edges that survive.
struct FactWorlds: Sendable {
    /// Confidence of each node (table node order = the ecosystem's node order).
    let nodeConfidence: [Double]
    /// Confidence of each ecosystem edge.
    let edgeConfidence: [Double]
    /// The ends of each ecosystem edge, as node indices.
    let edgeEnds: [(Int32, Int32)]
    /// The ecosystem edge behind each table edge.
    let tableOrigin: [Int32]
    /// The kernel edge of each table edge.
    let tableKernel: [Int32]
    /// Kernel edge `k`'s table edges are `kernelTable[kernelOffsets[k] ..< kernelOffsets[k + 1]]`, in table order.
    let kernelOffsets: [Int]
    let kernelTable: [Int32]
    /// Facts behind the kernel graph with a confidence below 1: nodes, and the edges of the table.
    let uncertainFacts: Int

    /// The facts of a loaded graph. A typed ecosystem's facts are its nodes and edges (every edge of the
    /// analysed facts, restrictions and edges outside the view included); a generic table's are its nodes and
    /// table edges, with the confidences its file gives (`GraphTable.nodeConfidences`, `.edgeConfidences`;
    /// 1 where it gives none).
    init(_ loaded: LoadedGraph) {
        let g = loaded.graph, table = loaded.table
        if let ecosystem = loaded.ecosystem, let origins = loaded.edgeOrigins {
            let index = loaded.nodeIndex()
            nodeConfidence = ecosystem.nodes.map(\.confidence)
            edgeConfidence = ecosystem.edges.map(\.confidence)
            edgeEnds = ecosystem.edges.map { (Int32(index[$0.from] ?? -1), Int32(index[$0.to] ?? -1)) }
            tableOrigin = origins.map { Int32($0) }
        } else {
            nodeConfidence = table.nodeConfidences ?? [Double](repeating: 1, count: table.nodeCount)
            edgeConfidence = table.edgeConfidences ?? [Double](repeating: 1, count: table.edgeCount)
            edgeEnds = (0 ..< table.edgeCount).map { (table.sources[$0], table.targets[$0]) }
            tableOrigin = (0 ..< table.edgeCount).map { Int32($0) }
        }
        var tableKernel = [Int32](repeating: -1, count: table.edgeCount)
        var offsets = [Int](repeating: 0, count: g.edgeCount + 1)
        for t in 0 ..< table.edgeCount {
            // Every table edge is in the kernel graph (it was built from them).
            let k = g.edgeID(from: Int(table.sources[t]), to: Int(table.targets[t]))!
            tableKernel[t] = Int32(k)
            offsets[k + 1] += 1
        }
        for k in 0 ..< g.edgeCount { offsets[k + 1] += offsets[k] }
        var next = offsets
        var kernelTable = [Int32](repeating: 0, count: table.edgeCount)
        for t in 0 ..< table.edgeCount {
            let k = Int(tableKernel[t])
            kernelTable[next[k]] = Int32(t)
            next[k] += 1
        }
        self.tableKernel = tableKernel
        kernelOffsets = offsets
        self.kernelTable = kernelTable
        let edgeConfidence = self.edgeConfidence
        uncertainFacts = nodeConfidence.count { $0 < 1 } + Set(tableOrigin).count { edgeConfidence[Int($0)] < 1 }
    }

    /// The generator of world `w` of seed `seed`.
    static func generator(world: Int, seed: UInt64) -> SplitMix64 {
        var seeding = SplitMix64(seed: seed ^ UInt64(world))
        return SplitMix64(seed: seeding.next())
    }

    /// Draws world `w` into `world`: which nodes, ecosystem edges, table edges and kernel edges survive.
    func draw(world w: Int, seed: UInt64, into world: inout SampledWorld) {
        var random = Self.generator(world: w, seed: seed)
        world.allNodesAlive = true
        for v in nodeConfidence.indices {
            let alive = random.unit() < nodeConfidence[v]
            world.nodeAlive[v] = alive
            if !alive { world.allNodesAlive = false }
        }
        for e in edgeConfidence.indices {
            let drawn = random.unit() < edgeConfidence[e]
            let (u, v) = edgeEnds[e]
            world.edgeAlive[e] = drawn && u >= 0 && v >= 0 && world.nodeAlive[Int(u)] && world.nodeAlive[Int(v)]
        }
        resolve(&world)
    }

    /// The full map: every fact survives.
    func full(into world: inout SampledWorld) {
        for v in world.nodeAlive.indices { world.nodeAlive[v] = true }
        for e in world.edgeAlive.indices { world.edgeAlive[e] = true }
        world.allNodesAlive = true
        resolve(&world)
    }

    /// Table and kernel edges from the surviving ecosystem edges.
    private func resolve(_ world: inout SampledWorld) {
        for t in tableOrigin.indices { world.tableAlive[t] = world.edgeAlive[Int(tableOrigin[t])] }
        for k in 0 ..< kernelOffsets.count - 1 {
            var alive = false
            for i in kernelOffsets[k] ..< kernelOffsets[k + 1] where world.tableAlive[Int(kernelTable[i])] { alive = true; break }
            world.kernelAlive[k] = alive
        }
    }

    /// A workspace for this graph's worlds.
    func workspace() -> SampledWorld {
        SampledWorld(nodeAlive: [Bool](repeating: true, count: nodeConfidence.count),
                     edgeAlive: [Bool](repeating: true, count: edgeConfidence.count),
                     tableAlive: [Bool](repeating: true, count: tableOrigin.count),
                     kernelAlive: [Bool](repeating: true, count: kernelOffsets.count - 1))
    }

    /// The weight of each kernel edge in a world: the weight of its last surviving table edge (the
    /// projection's "last weight wins"), into `weights` (by kernel edge id; dropped edges keep any value).
    func kernelWeights(_ world: SampledWorld, tableWeights: [Double], into weights: inout [Double]) {
        for k in 0 ..< kernelOffsets.count - 1 {
            var i = kernelOffsets[k + 1] - 1
            while i >= kernelOffsets[k] && !world.tableAlive[Int(kernelTable[i])] { i -= 1 }
            if i >= kernelOffsets[k] { weights[k] = tableWeights[Int(kernelTable[i])] }
        }
    }

    /// Whether some kernel edge stands for several table edges of different weights (then a world's
    /// weights must be worked out per world).
    func hasMergedWeights(_ tableWeights: [Double]) -> Bool {
        for k in 0 ..< kernelOffsets.count - 1 where kernelOffsets[k + 1] - kernelOffsets[k] > 1 {
            let first = tableWeights[Int(kernelTable[kernelOffsets[k]])]
            for i in kernelOffsets[k] ..< kernelOffsets[k + 1] where tableWeights[Int(kernelTable[i])] != first { return true }
        }
        return false
    }
}

/// Which facts survive in one world, reused from world to world.
struct SampledWorld {
    var nodeAlive: [Bool]
    var edgeAlive: [Bool]
    var tableAlive: [Bool]
    var kernelAlive: [Bool]
    var allNodesAlive = true
}

// MARK: - Running and summarising worlds

enum WorldRunner {
    /// Runs `body(world, workspace)` for worlds `0 ..< count`, over all cores when `parallel` (each partition
    /// of worlds with its own workspace), and returns the results in world order. When worlds fail, the
    /// error of the lowest failing world is thrown (wrapped in `AnalysisError.sampledWorld`), whatever the
    /// scheduling.
    static func run<Workspace, Output>(
        count: Int, parallel: Bool, workspace: () -> Workspace,
        _ body: (Int, inout Workspace) throws(AnalysisError) -> Output
    ) throws(AnalysisError) -> [Output] {
        let partials = SourcePartitions.map(sources: Array(0 ..< count), parallel: parallel) { worlds in
            var space = workspace()
            var outputs: [Output] = []
            outputs.reserveCapacity(worlds.count)
            for w in worlds {
                do throws(AnalysisError) {
                    outputs.append(try body(w, &space))
                } catch {
                    return (outputs, Optional((w, error)))
                }
            }
            return (outputs, nil)
        }
        if let (w, error) = partials.compactMap(\.1).min(by: { $0.0 < $1.0 }) { throw .sampledWorld(w, error) }
        // Partition p holds worlds p, p + P, p + 2P, ...
        let stride = partials.count
        return (0 ..< count).map { partials[$0 % stride].0[$0 / stride] }
    }

    /// Competition ranks (1 + the number of strictly greater values) of values.
    /// - Complexity: `O(n log n)`.
    static func competitionRanks(_ values: [Double]) -> [Int32] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Int32](repeating: 0, count: values.count)
        for (position, i) in order.enumerated() {
            ranks[i] = position > 0 && values[order[position - 1]] == values[i] ? ranks[order[position - 1]] : Int32(position + 1)
        }
        return ranks
    }

    /// The spread of one quantity: `exact`, and its value in each world (`value(w)`), summarised as the type
    /// says (mean in world order, NumPy-linear 5th and 95th percentiles). `scratch` holds `count` values.
    static func spread(exact: Double, count: Int, scratch: inout [Double], _ value: (Int) -> Double) -> WorldSpread {
        var difference = 0.0
        for w in 0 ..< count {
            let x = value(w)
            scratch[w] = x
            difference += x - exact
        }
        scratch.sort()
        return WorldSpread(exact: exact, mean: exact + difference / Double(count),
                           low: Percentile.linear(scratch, 5), high: Percentile.linear(scratch, 95))
    }

    /// Ranked items over worlds: `exact` values by item, `worlds[w]` world `w`'s values by item and
    /// `ranks[w]` their competition ranks; the items listed are `order` (in that order), summarised over
    /// all cores. `describe(i)` gives an item's names.
    static func ranking(
        exact: [Double], worlds: [[Double]], ranks: [[Int32]], order: [Int], top: Int, parallel: Bool,
        describe: (Int) -> (id: String, target: String?, label: String, kind: String?)
    ) -> [UncertainScore] {
        let exactRanks = competitionRanks(exact)
        let count = worlds.count
        let partials = SourcePartitions.map(sources: Array(order.indices), parallel: parallel) { positions in
            var scratch = [Double](repeating: 0, count: count)
            return positions.map { position in
                let i = order[position]
                let value = spread(exact: exact[i], count: count, scratch: &scratch) { worlds[$0][i] }
                let rank = spread(exact: Double(exactRanks[i]), count: count, scratch: &scratch) { Double(ranks[$0][i]) }
                var inTop = 0
                for w in 0 ..< count where ranks[w][i] <= top && worlds[w][i] > 0 { inTop += 1 }
                return (value, rank, Double(inTop) / Double(count))
            }
        }
        let stride = partials.count
        return order.indices.map { position in
            let i = order[position]
            let (value, rank, topProbability) = partials[position % stride][position / stride]
            let names = describe(i)
            return UncertainScore(index: i, id: names.id, target: names.target, label: names.label, kind: names.kind, value: value,
                                  rank: Int(exactRanks[i]), rankLow: rank.low, rankHigh: rank.high, topProbability: topProbability)
        }
    }
}
