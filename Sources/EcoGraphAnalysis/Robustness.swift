import EcoGraphKernel
import Foundation

/// A measure that ranks nodes for a targeted removal order.
public enum RobustnessMeasure: String, Sendable, CaseIterable {
    /// Degree: direct ties of any direction (NetworkX's `G.degree`, in + out on a directed graph).
    case degree
    /// Betweenness centrality (normalised, unweighted; NetworkX's `betweenness_centrality`).
    case betweenness
    /// PageRank (damping 0.85, unweighted; NetworkX's `pagerank`): depended upon, directly and through others.
    case pagerank
    /// Chokepoint impact under the reach model over the curve's consumers and providers
    /// (`LoadedGraph.chokepoints`): the (consumer, provider) pairs lost if the node goes.
    case impact
}

/// The order in which a robustness curve removes things.
public enum RemovalOrder: Sendable, Hashable {
    /// Every node in a uniformly random order, `RobustnessOptions.runs` times (seeded).
    case random
    /// Every node by a measure, highest first, ties by id. Not adaptive: ranked once on the whole graph.
    /// Adaptive: at each step the measure is computed again on what remains and the step removes the highest
    /// there (with one removal a step, after every removal).
    case measure(RobustnessMeasure, adaptive: Bool = false)
    /// A policy order: node ids (the node goes) and restriction edge ids (the restriction applies, cutting what
    /// it cuts in a scenario: `LoadedGraph.resolve(_:)`), in order.
    case list(RemovalOrderFile)

    /// The order's name: `random`, the measure (`impact`, `degree (adaptive)`), or the order file's name.
    public var name: String {
        switch self {
        case .random: "random"
        case .measure(let measure, let adaptive): measure.rawValue + (adaptive ? " (adaptive)" : "")
        case .list(let file): file.file
        }
    }
}

/// What a robustness curve removes and what it counts.
public struct RobustnessOptions: Sendable, Equatable {
    /// The removal order.
    public var order: RemovalOrder
    /// The number of steps `K` (checkpoints after the start), evenly spaced over the order: checkpoint `k`
    /// has removed `⌊k · L / K⌋` of its `L` entries. `nil`: one step per entry. Above `L`, `L`.
    public var steps: Int?
    /// For the random order: how many random orders are averaged.
    public var runs: Int
    /// For the random order: the seed; run `r` depends only on `(seed, r)` (`RemovalSchedule.randomOrder`).
    public var seed: UInt64
    /// Whose reach counts (default: every node).
    public var consumers: NodeSelection
    /// Which reached nodes count (default: every node).
    public var providers: NodeSelection
    /// Spread the work over all cores (the result is the same either way).
    public var parallel: Bool

    /// Options for an order; the rest defaults to one step per entry, 100 runs of seed 0, every node a
    /// consumer and a provider.
    public init(order: RemovalOrder, steps: Int? = nil, runs: Int = 100, seed: UInt64 = 0,
                consumers: NodeSelection = .all, providers: NodeSelection = .all, parallel: Bool = true) {
        self.order = order
        self.steps = steps
        self.runs = runs
        self.seed = seed
        self.consumers = consumers
        self.providers = providers
        self.parallel = parallel
    }
}

/// A quantity at one checkpoint: exact for a fixed order (`mean == low == high`); over random runs, the mean
/// and the 90% interval from the 5th to the 95th percentile.
///
/// Percentiles interpolate linearly between order statistics (NumPy's default, Hyndman and Fan's type 7):
/// for `R` values sorted `x_0 ≤ … ≤ x_{R-1}`, the `p`-th is `x_i + f (x_{i+1} − x_i)` with `i + f = p (R − 1)`.
public struct RobustnessValue: Sendable, Equatable {
    /// The value, or the mean over runs.
    public var mean: Double
    /// The 5th percentile over runs (the value itself for a fixed order).
    public var low: Double
    /// The 95th percentile over runs (the value itself for a fixed order).
    public var high: Double

    /// A value with its interval.
    public init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// An exact value.
    public init(exact value: Int) { self.init(mean: Double(value), low: Double(value), high: Double(value)) }

    /// The mean and the 5th and 95th percentiles of integer values (in any order, at least one). Each is the
    /// exact rational value rounded once to the nearest `Double` (the percentile's position `p (R − 1)` is
    /// taken in hundredths), so `0.95 × 19 + 0.05 × 20` is 19.05, not 19.049999999999997.
    public init(sample values: [Int]) {
        let sorted = values.sorted()
        let total = sorted.reduce(0, +)
        func percentile(_ percent: Int) -> Double {
            let position = percent * (sorted.count - 1)
            let i = position / 100, remainder = position % 100
            guard remainder > 0 else { return Double(sorted[i]) }
            return Double(sorted[i] * 100 + remainder * (sorted[i + 1] - sorted[i])) / 100
        }
        self.init(mean: Double(total) / Double(sorted.count), low: percentile(5), high: percentile(95))
    }
}

/// The graph at one checkpoint of a robustness curve.
public struct RobustnessPoint: Sendable, Equatable {
    /// The checkpoint `0 ... K` (0: nothing removed).
    public var step: Int
    /// How many entries of the order are removed by now.
    public var removed: Int
    /// For a fixed order, the ids removed or applied at this step, in order (empty at step 0 and for the
    /// random order).
    public var removedNow: [String]
    /// The size of the largest weakly connected component of what remains.
    public var largestComponent: RobustnessValue
    /// The (consumer, provider) pairs with the consumer still present and the provider (≠ consumer) reachable.
    public var reachablePairs: RobustnessValue
    /// The consumers still present that no longer reach a provider they reached at step 0.
    public var cutOffConsumers: RobustnessValue
}

/// The three quantities of a robustness curve, each written once: its JSON key, its column and its reference.
public enum RobustnessQuantity: String, Sendable, CaseIterable {
    /// The largest weakly connected component (`RobustnessPoint.largestComponent`).
    case largestComponent
    /// The reachable (consumer, provider) pairs (`RobustnessPoint.reachablePairs`).
    case reachablePairs
    /// The cut-off consumers (`RobustnessPoint.cutOffConsumers`).
    case cutOffConsumers

    /// The JSON key (`largestComponent`, ...).
    public var key: String { rawValue }

    /// The CSV and table column (`largest component`, ...).
    public var column: String {
        switch self {
        case .largestComponent: "largest component"
        case .reachablePairs: "reachable pairs"
        case .cutOffConsumers: "cut-off consumers"
        }
    }

    /// The quantity as a share, in words (a chart's panel title).
    public var shareTitle: String {
        switch self {
        case .largestComponent: "Largest component / nodes"
        case .reachablePairs: "Reachable pairs / at the start"
        case .cutOffConsumers: "Cut-off consumers / consumers"
        }
    }

    /// The quantity at a point.
    public func value(at point: RobustnessPoint) -> RobustnessValue {
        switch self {
        case .largestComponent: point.largestComponent
        case .reachablePairs: point.reachablePairs
        case .cutOffConsumers: point.cutOffConsumers
        }
    }

    /// What a share of the quantity is taken of: the nodes, the pairs at the start, the consumers.
    public func reference(of curve: RobustnessCurve) -> Double {
        switch self {
        case .largestComponent: Double(curve.nodeCount)
        case .reachablePairs: curve.points.first?.reachablePairs.mean ?? 0
        case .cutOffConsumers: Double(curve.consumerCount)
        }
    }
}

/// A robustness curve: what remains connected after each step of a removal order.
public struct RobustnessCurve: Sendable, Equatable {
    /// The order's name (`RemovalOrder.name`).
    public var order: String
    /// Whether the order was recomputed after each step.
    public var adaptive: Bool
    /// The number of random runs (1 for a fixed order).
    public var runs: Int
    /// The seed of the random runs (`nil` for a fixed order).
    public var seed: UInt64?
    /// The consumers and providers, as selected.
    public var consumers: NodeSelection
    /// See `consumers`.
    public var providers: NodeSelection
    /// The nodes of the graph.
    public var nodeCount: Int
    /// The number of consumers.
    public var consumerCount: Int
    /// The number of providers.
    public var providerCount: Int
    /// The number of entries of the order (`L`): the nodes, or the ids of an order file.
    public var length: Int
    /// The number of steps `K`.
    public var steps: Int
    /// Checkpoints `0 ... K`.
    public var points: [RobustnessPoint]
    /// Restrictions of an order file that are not in force in the facts analysed (they cut nothing), in order.
    public var skipped: [SkippedRestriction]
}

extension LoadedGraph {
    /// A robustness curve: removes nodes (or applies restrictions) in an order and reports after each step the
    /// largest weakly connected component, the reachable (consumer, provider) pairs, and the consumers cut off.
    ///
    /// Definitions, on the dependency graph (`u -> v`: u depends on v), at checkpoint `k`: the largest weakly
    /// connected component of the graph without the nodes removed so far (NetworkX:
    /// `max(len(c) for c in nx.weakly_connected_components(G_k))`); the pairs `(c, p)` of a consumer `c` still
    /// present and a provider `p ≠ c` it reaches (`Σ_c |nx.descendants(G_k, c) ∩ P|`); the consumers still
    /// present that no longer reach some provider they reached at the start (a removed provider counts as
    /// lost, as in `whatIf`). A restriction of an order file removes the kernel edges it would cut in a
    /// scenario (`resolve(_:)`); several on one step are one scenario.
    ///
    /// Orders: `random` shuffles every node `runs` times (`RemovalSchedule.randomOrder(nodeCount:seed:run:)`)
    /// and reports each quantity's mean and 5th–95th percentile interval over the runs (`RobustnessValue`).
    /// A measure ranks every node highest first; measures are compared at 9 significant digits (the `%.8e`
    /// spelling, so that values equal but for floating-point summation order tie), then by id. With
    /// `adaptive`, the measure is recomputed on the graph that remains (its induced subgraph) before every
    /// step, and the step removes the highest-ranked nodes there; the degree attack keeps degrees up to date
    /// instead of recounting (`CSRGraph.adaptiveDegreeOrder`).
    ///
    /// The curves come from the kernel in near-linear time: the component sizes by union–find over the
    /// removals read backwards (`CSRGraph.largestWeakComponentDecay`), the pairs and cut-off consumers from
    /// one bottleneck search per consumer and run (`CSRGraph.reachabilityDecay`), whatever the number of steps.
    ///
    /// - Throws: `AnalysisError.invalidParameter` for `steps` or `runs` below 1, an unknown consumer or
    ///   provider selection, `.removalOrder` naming the file, line and id of an order file entry that is not a
    ///   node or a restriction, and a measure's failure (`.measureFailed`: a PageRank that does not converge).
    /// - Complexity: random: `O(R · (n + m) α)` for the components and `O(Σ_c (r_c log r_c + R (r_c + a_c)))`
    ///   for the pairs (consumer `c` reaches `r_c` nodes by `a_c` arcs). A fixed order adds its measure once;
    ///   adaptive, once per step (degree: `O((n + m) log n)` in all).
    public func robustness(_ options: RobustnessOptions) throws(AnalysisError) -> RobustnessCurve {
        if let steps = options.steps, steps < 1 {
            throw .invalidParameter(.steps, value: "\(steps)", expected: "at least 1")
        }
        if case .random = options.order, options.runs < 1 {
            throw .invalidParameter(.runs, value: "\(options.runs)", expected: "at least 1")
        }
        let g = graph.unweighted
        let n = nodeCount
        let consumers = try nodes(in: options.consumers)
        let providerNodes = try nodes(in: options.providers)
        var providerMask: [Bool]?
        if options.providers != .all {
            var mask = [Bool](repeating: false, count: n)
            for p in providerNodes { mask[p] = true }
            providerMask = mask
        }
        let length: Int
        switch options.order {
        case .list(let file): length = file.entries.count
        default: length = n
        }
        let steps = length == 0 ? 0 : min(options.steps ?? length, length)

        var curve = RobustnessCurve(
            order: options.order.name, adaptive: false, runs: 1, seed: nil, consumers: options.consumers, providers: options.providers,
            nodeCount: n, consumerCount: consumers.count, providerCount: providerNodes.count, length: length, steps: steps,
            points: [], skipped: [])
        let removedCounts = (0 ... steps).map { RemovalSchedule.removedCount(atCheckpoint: $0, of: length, steps: steps) }

        switch options.order {
        case .random:
            curve.runs = options.runs
            curve.seed = options.seed
            let runs = try randomRuns(g, runs: options.runs, seed: options.seed, steps: steps, parallel: options.parallel)
            let decay = try kernelCall { () throws(RemovalScheduleError) in
                try g.reachabilityDecay(consumers: consumers, providers: providerMask, schedules: runs.map(\.schedule), parallel: options.parallel)
            }
            curve.points = (0 ... steps).map { k in
                RobustnessPoint(step: k, removed: removedCounts[k], removedNow: [],
                                largestComponent: RobustnessValue(sample: runs.map { $0.components[k] }),
                                reachablePairs: RobustnessValue(sample: decay.map { $0.reachablePairs[k] }),
                                cutOffConsumers: RobustnessValue(sample: decay.map { $0.cutOffConsumers[k] }))
            }
            return curve

        case .measure(let measure, let adaptive):
            curve.adaptive = adaptive
            let order = adaptive
                ? try adaptiveOrder(measure, graph: g, steps: steps, consumers: consumers, providers: providerMask)
                : try rankedOrder(measure, graph: g, keep: nil, idRank: idRanks(), consumers: consumers, providers: providerMask)
            let schedule = try kernelCall { () throws(RemovalScheduleError) in try RemovalSchedule(nodeOrder: order, nodeCount: n, steps: steps) }
            let ids = order.map(id)
            return try exactCurve(curve, schedule: schedule, graph: g, consumers: consumers, providers: providerMask, parallel: options.parallel) { k in
                Array(ids[removedCounts[k - 1] ..< removedCounts[k]])
            }

        case .list(let file):
            let (schedule, skipped) = try listSchedule(file, graph: g, steps: steps)
            curve.skipped = skipped
            return try exactCurve(curve, schedule: schedule, graph: g, consumers: consumers, providers: providerMask, parallel: options.parallel) { k in
                file.entries[removedCounts[k - 1] ..< removedCounts[k]].map(\.id)
            }
        }
    }

    /// The points of a curve with one schedule.
    private func exactCurve(_ curve: RobustnessCurve, schedule: RemovalSchedule, graph g: CSRGraph, consumers: [Int], providers: [Bool]?,
                            parallel: Bool, removedAt: (Int) -> [String]) throws(AnalysisError) -> RobustnessCurve {
        var curve = curve
        let components = try kernelCall { () throws(RemovalScheduleError) in try g.largestWeakComponentDecay(schedule) }
        let decay = try kernelCall { () throws(RemovalScheduleError) in
            try g.reachabilityDecay(consumers: consumers, providers: providers, schedules: [schedule], parallel: parallel)[0]
        }
        curve.points = (0 ... curve.steps).map { k in
            RobustnessPoint(step: k, removed: RemovalSchedule.removedCount(atCheckpoint: k, of: curve.length, steps: curve.steps),
                            removedNow: k == 0 ? [] : removedAt(k),
                            largestComponent: RobustnessValue(exact: components[k]),
                            reachablePairs: RobustnessValue(exact: decay.reachablePairs[k]),
                            cutOffConsumers: RobustnessValue(exact: decay.cutOffConsumers[k]))
        }
        return curve
    }

    /// The random runs' schedules and component series, computed in parallel (each run depends only on
    /// `(seed, run)`).
    private func randomRuns(_ g: CSRGraph, runs: Int, seed: UInt64, steps: Int, parallel: Bool) throws(AnalysisError)
        -> [(schedule: RemovalSchedule, components: [Int])]
    {
        let n = g.nodeCount
        let partials = SourcePartitions.map(sources: Array(0 ..< runs), parallel: parallel) { partition in
            partition.map { run -> Result<(RemovalSchedule, [Int]), RemovalScheduleError> in
                Result { () throws(RemovalScheduleError) in
                    let schedule = try RemovalSchedule(nodeOrder: RemovalSchedule.randomOrder(nodeCount: n, seed: seed, run: run), nodeCount: n, steps: steps)
                    return (schedule, try g.largestWeakComponentDecay(schedule))
                }
            }
        }
        var result: [(schedule: RemovalSchedule, components: [Int])] = []
        result.reserveCapacity(runs)
        for run in 0 ..< runs {
            // Partition p holds runs p, p + P, p + 2P, ...
            switch partials[run % partials.count][run / partials.count] {
            case .success(let value): result.append(value)
            case .failure(let error): throw .kernel(.schedule(error))
            }
        }
        return result
    }

    /// The nodes (of `keep`, or all) ranked by a measure on `g` restricted to them, highest first, ties by id.
    private func rankedOrder(_ measure: RobustnessMeasure, graph g: CSRGraph, keep: [Bool]?, idRank: [Int], consumers: [Int], providers: [Bool]?)
        throws(AnalysisError) -> [Int]
    {
        let kept = keep.map { mask in (0 ..< nodeCount).filter { mask[$0] } } ?? Array(0 ..< nodeCount)
        let (sub, local) = keep.map { Self.inducedSubgraph(g, keeping: $0) } ?? (g, Array(0 ..< nodeCount))
        var keys = [Double](repeating: 0, count: kept.count)
        switch measure {
        case .degree:
            for (i, v) in kept.enumerated() {
                let u = local[v]
                keys[i] = Double(sub.isDirected ? sub.outArcs(u).count + sub.inArcs(u).count : sub.outDegree(u))
            }
        case .impact:
            let subConsumers = consumers.filter { keep?[$0] ?? true }.map { local[$0] }
            let subProviders = providers.map { mask in kept.map { mask[$0] } }
            let impact = try kernelCall { () throws(CSRGraphError) in try sub.dependencyImpact(consumers: subConsumers, providers: subProviders) }
            for (i, v) in kept.enumerated() { keys[i] = Double(impact.impact[local[v]]) }
        case .betweenness, .pagerank:
            let centrality: CentralityMeasure = measure == .pagerank ? .pagerank : .betweenness
            let definition = centrality.definition
            var options = CentralityOptions()
            options.alpha = definition.alpha?.default
            let scores: [Double]
            do {
                scores = try definition.compute(sub, options, .all)
            } catch {
                throw .measureFailed(centrality, KernelFailure(error))
            }
            for (i, v) in kept.enumerated() { keys[i] = Self.significant(scores[local[v]]) }
        }
        return kept.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : idRank[kept[$0]] < idRank[kept[$1]] }.map { kept[$0] }
    }

    /// An adaptive order: before each step, the measure on what remains; the step removes its highest.
    private func adaptiveOrder(_ measure: RobustnessMeasure, graph g: CSRGraph, steps: Int, consumers: [Int], providers: [Bool]?)
        throws(AnalysisError) -> [Int]
    {
        let n = nodeCount
        let idRank = idRanks()
        if measure == .degree {
            var byID = [Int](repeating: 0, count: n)
            for v in 0 ..< n { byID[idRank[v]] = v }
            return try kernelCall { () throws(RemovalScheduleError) in try g.adaptiveDegreeOrder(tieOrder: byID, steps: steps) }
        }
        var present = [Bool](repeating: true, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        for k in stride(from: 1, through: steps, by: 1) {
            let take = RemovalSchedule.removedCount(atCheckpoint: k, of: n, steps: steps) - RemovalSchedule.removedCount(atCheckpoint: k - 1, of: n, steps: steps)
            let ranked = try rankedOrder(measure, graph: g, keep: present, idRank: idRank, consumers: consumers, providers: providers)
            for v in ranked.prefix(take) {
                present[v] = false
                order.append(v)
            }
        }
        return order
    }

    /// Each node's place in id order (ties of a measure go to the smaller id).
    private func idRanks() -> [Int] {
        var rank = [Int](repeating: 0, count: nodeCount)
        for (position, node) in (0 ..< nodeCount).sorted(by: { id($0) < id($1) }).enumerated() { rank[node] = position }
        return rank
    }

    /// The subgraph induced by the kept nodes, and each node's index in it (-1 when not kept).
    /// - Complexity: `O(n + m log d)`.
    static func inducedSubgraph(_ g: CSRGraph, keeping keep: [Bool]) -> (CSRGraph, [Int]) {
        var local = [Int](repeating: -1, count: g.nodeCount)
        var count = 0
        for v in 0 ..< g.nodeCount where keep[v] { local[v] = count; count += 1 }
        var builder = CSRGraphBuilder(nodeCount: count, isDirected: g.isDirected)
        for e in 0 ..< g.edgeCount {
            let u = local[Int(g.edgeSources[e])], v = local[Int(g.edgeTargets[e])]
            guard u >= 0, v >= 0 else { continue }
            do { try builder.addEdge(u, v) } catch { preconditionFailure("an induced subgraph's edge is out of range: \(error)") }
        }
        return (builder.build(), local)
    }

    /// A score at 9 significant digits, as `%.8e` spells it (correctly rounded in C and in Python alike).
    static func significant(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.8e", x)) ?? x
    }

    /// The schedule of an order file: each entry's step; nodes removed, restrictions' edges cut.
    private func listSchedule(_ file: RemovalOrderFile, graph g: CSRGraph, steps: Int) throws(AnalysisError)
        -> (RemovalSchedule, [SkippedRestriction])
    {
        let index = nodeIndex()
        let edgeIDs = Set((record ?? ecosystem)?.edges.compactMap(\.id) ?? [])
        var schedule = try kernelCall { () throws(RemovalScheduleError) in
            try RemovalSchedule(steps: steps, nodeCount: nodeCount, edgeCount: g.edgeCount)
        }
        var skipped: [SkippedRestriction] = []
        for (j, entry) in file.entries.enumerated() {
            let step = RemovalSchedule.step(ofEntry: j, of: file.entries.count, steps: steps)
            do throws(AnalysisError) {
                if let node = index[entry.id] {
                    try kernelCall { () throws(RemovalScheduleError) in try schedule.remove(node: node, atStep: step) }
                } else if edgeIDs.contains(entry.id) {
                    let resolved = try resolve(Scenario(name: entry.id, apply: [entry.id]))
                    skipped += resolved.skipped
                    try kernelCall { () throws(RemovalScheduleError) in
                        for edge in resolved.removedEdges { try schedule.cut(edge: edge, atStep: step) }
                    }
                } else {
                    throw AnalysisError.unknownNodeOrEdge(entry.id)
                }
            } catch {
                throw .removalOrder(file: file.file, position: entry.position, error.reason)
            }
        }
        return (schedule, skipped)
    }
}
