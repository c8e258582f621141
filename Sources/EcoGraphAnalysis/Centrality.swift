import EcoGraphKernel

/// The centrality measures EcoGraph computes, each matching the NetworkX 3.x function named in its doc.
public enum CentralityMeasure: String, Sendable, CaseIterable {
    /// `degree_centrality`: degree / (n − 1).
    case degree
    /// `in_degree_centrality` (directed graphs).
    case inDegree = "in-degree"
    /// `out_degree_centrality` (directed graphs).
    case outDegree = "out-degree"
    /// `betweenness_centrality`: Brandes, normalised, weights as distances; optionally sampled.
    case betweenness
    /// `edge_betweenness_centrality`: one score per edge.
    case edgeBetweenness = "edge-betweenness"
    /// `closeness_centrality` with `wf_improved`; incoming distances on digraphs.
    case closeness
    /// `harmonic_centrality`: sum of 1/d over incoming distances.
    case harmonic
    /// `eigenvector_centrality`: in-edges, unit L2 norm, weights as strengths.
    case eigenvector
    /// `pagerank`: alpha 0.85, uniform teleport, dangling mass redistributed, weights as strengths.
    case pagerank
    /// `katz_centrality`: alpha 0.1, beta 1, L2-normalised, in-edges.
    case katz
    /// `hits` hub scores, sum-normalised.
    case hubs
    /// `hits` authority scores, sum-normalised.
    case authorities
    /// `core_number`: k-core index (in + out degree on digraphs).
    case coreNumber = "core-number"

    /// The measure ranked first where one ranking stands for all (the report's default view, the order of
    /// `centrality --all`, the diagram's top-N view and sizes).
    public static let defaultRanking: CentralityMeasure = .pagerank

    /// Everything known about the measure, from `MeasureDefinition`'s table: its one place.
    public var definition: MeasureDefinition { MeasureDefinition.of(self) }

    /// Whether the measure scores edges rather than nodes.
    public var scoresEdges: Bool { definition.scoresEdges }
    /// Whether the measure is only defined on directed graphs.
    public var needsDirectedGraph: Bool { definition.needsDirectedGraph }
    /// Whether the scores are normalised (as the JSON output's `normalized` reports it).
    public func isNormalized(_ options: CentralityOptions) -> Bool { definition.normalization.isNormalized(options) }
    /// Whether weights are read as distances (shortest-path measures) rather than strengths.
    public var weightIsDistance: Bool { definition.weights == .distance }
    /// The measure's name in reports (`PageRank`).
    public var displayName: String { definition.name }
    /// What a high score means, in the dependency reading (`u -> v`: u depends on v).
    public var reportSummary: String { definition.summary }
}

/// How a measure reads edge weights when `CentralityOptions.weighted` is on.
public enum WeightReading: String, Sendable, Hashable {
    /// As distances: shortest paths sum them (betweenness, closeness, harmonic).
    case distance
    /// As strengths: a heavier edge passes more (PageRank, Katz, HITS, eigenvector).
    case strength
    /// Not at all (degree, core number).
    case ignored
}

/// Whether a measure's scores are normalised.
public enum Normalization: Sendable, Hashable {
    /// Always normalised (degree / (n − 1), unit norm, sum 1, ...).
    case always
    /// Never (raw sums, core indices).
    case never
    /// As `CentralityOptions.normalized` says (betweenness, Katz).
    case optional

    /// Whether scores computed with these options are normalised.
    public func isNormalized(_ options: CentralityOptions) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .optional: options.normalized
        }
    }
}

/// One row of the measure table: a measure's names, meaning, conventions, defaults and kernel call. The CLI
/// (names, help, `--all`), the report (names, summaries), the diagram (sizes) and the docs all read it, so a
/// new measure is one `CentralityMeasure` case, one row in `of(_:)`, and its kernel file.
public struct MeasureDefinition: Sendable {
    /// The measure's name in reports (`PageRank`).
    public let name: String
    /// What a high score means, in the dependency reading (`u -> v`: u depends on v).
    public let summary: String
    /// How `--weighted` reads weights.
    public let weights: WeightReading
    /// Whether the scores are normalised.
    public let normalization: Normalization
    /// Whether the measure is defined on directed graphs only.
    public let needsDirectedGraph: Bool
    /// Whether the measure scores edges rather than nodes.
    public let scoresEdges: Bool
    /// Whether the measure can be estimated from sampled sources (`CentralityOptions.samples`).
    public let samplesSources: Bool
    /// The default of `CentralityOptions.alpha`, for measures that read it, and the values it may take.
    public let alpha: (default: Double, allowed: ClosedRange<Double>?)?
    /// The kernel call: scores by node index (by edge id for edge measures). `alpha` in the options is set
    /// (to the default when the caller gave none) for measures that read it.
    let compute: @Sendable (CSRGraph, CentralityOptions, BetweennessSources) throws -> [Double]

    static func of(_ measure: CentralityMeasure) -> MeasureDefinition {
        switch measure {
        case .degree:
            MeasureDefinition(name: "Degree", summary: "Direct ties of any direction, over n − 1.",
                              weights: .ignored, normalization: .always) { g, _, _ in g.degreeCentrality() }
        case .inDegree:
            MeasureDefinition(name: "In-degree", summary: "How many nodes depend on it directly, over n − 1.",
                              weights: .ignored, normalization: .always, needsDirectedGraph: true) { g, _, _ in try g.inDegreeCentrality() }
        case .outDegree:
            MeasureDefinition(name: "Out-degree", summary: "How many nodes it depends on directly, over n − 1.",
                              weights: .ignored, normalization: .always, needsDirectedGraph: true) { g, _, _ in try g.outDegreeCentrality() }
        case .betweenness:
            MeasureDefinition(name: "Betweenness",
                              summary: "Share of shortest dependency paths that pass through it: a broker or bottleneck.",
                              weights: .distance, normalization: .optional, samplesSources: true) { g, o, sources in
                try g.betweennessCentrality(weighted: o.weighted, normalized: o.normalized, sources: sources, parallel: o.parallel)
            }
        case .edgeBetweenness:
            MeasureDefinition(name: "Edge betweenness", summary: "Share of shortest dependency paths that use the edge.",
                              weights: .distance, normalization: .optional, scoresEdges: true, samplesSources: true) { g, o, sources in
                try g.edgeBetweennessCentrality(weighted: o.weighted, normalized: o.normalized, sources: sources, parallel: o.parallel)
            }
        case .closeness:
            MeasureDefinition(name: "Closeness",
                              summary: "How near it is to the nodes that reach it (incoming distances, Wasserman–Faust).",
                              weights: .distance, normalization: .always) { g, o, _ in
                try g.closenessCentrality(weighted: o.weighted, parallel: o.parallel)
            }
        case .harmonic:
            MeasureDefinition(name: "Harmonic", summary: "Sum of 1/distance from the nodes that reach it; robust to disconnection.",
                              weights: .distance, normalization: .never) { g, o, _ in
                try g.harmonicCentrality(weighted: o.weighted, parallel: o.parallel)
            }
        case .eigenvector:
            MeasureDefinition(name: "Eigenvector", summary: "Depended upon by nodes that are themselves depended upon.",
                              weights: .strength, normalization: .always) { g, o, _ in
                try g.eigenvectorCentrality(weighted: o.weighted, parallel: o.parallel)
            }
        case .pagerank:
            MeasureDefinition(name: "PageRank", summary: "Depended upon, directly and through others (damping 0.85).",
                              weights: .strength, normalization: .always, alpha: (0.85, 0 ... 1)) { g, o, _ in
                try g.pageRank(alpha: o.alpha!, weighted: o.weighted, parallel: o.parallel)
            }
        case .katz:
            MeasureDefinition(name: "Katz", summary: "Depended upon through paths of every length, longer ones discounted.",
                              weights: .strength, normalization: .optional,
                              alpha: (0.1, nil)) { g, o, _ in
                try g.katzCentrality(alpha: o.alpha!, beta: o.beta, normalized: o.normalized, weighted: o.weighted, parallel: o.parallel)
            }
        case .hubs:
            MeasureDefinition(name: "HITS hubs", summary: "Depends on many authoritative nodes.",
                              weights: .strength, normalization: .always) { g, o, _ in
                try g.hits(weighted: o.weighted, parallel: o.parallel).hubs
            }
        case .authorities:
            MeasureDefinition(name: "HITS authorities", summary: "Depended upon by many hub nodes.",
                              weights: .strength, normalization: .always) { g, o, _ in
                try g.hits(weighted: o.weighted, parallel: o.parallel).authorities
            }
        case .coreNumber:
            MeasureDefinition(name: "Core number", summary: "The densest k-core the node belongs to (in + out degree).",
                              weights: .ignored, normalization: .never) { g, _, _ in try g.coreNumbers().map(Double.init) }
        }
    }

    private init(name: String, summary: String, weights: WeightReading, normalization: Normalization,
                 needsDirectedGraph: Bool = false, scoresEdges: Bool = false, samplesSources: Bool = false,
                 alpha: (default: Double, allowed: ClosedRange<Double>?)? = nil,
                 compute: @escaping @Sendable (CSRGraph, CentralityOptions, BetweennessSources) throws -> [Double]) {
        self.name = name
        self.summary = summary
        self.weights = weights
        self.normalization = normalization
        self.needsDirectedGraph = needsDirectedGraph
        self.scoresEdges = scoresEdges
        self.samplesSources = samplesSources
        self.alpha = alpha
        self.compute = compute
    }
}

/// Parameters of the centrality measures; the defaults are NetworkX's.
public struct CentralityOptions: Sendable, Equatable {
    /// Use edge weights: as distances for betweenness, closeness and harmonic; as strengths for PageRank,
    /// Katz, HITS and eigenvector. Without it every measure ignores weights.
    public var weighted = false
    /// Normalise betweenness (NetworkX's `normalized=True`) and Katz (L2).
    public var normalized = true
    /// Estimate betweenness from this many sampled sources (NetworkX's `k`), rescaled by n / k.
    public var samples: Int?
    /// The seed of the source sample.
    public var seed: UInt64 = 0
    /// PageRank's damping factor (default 0.85) or Katz's attenuation (default 0.1).
    public var alpha: Double?
    /// Katz's constant term (default 1).
    public var beta: Double = 1
    /// Spread per-source and per-node work over all cores (results are identical either way).
    public var parallel = true

    /// Options with NetworkX's defaults; change only what a call needs.
    public init(weighted: Bool = false, normalized: Bool = true, samples: Int? = nil, seed: UInt64 = 0,
                alpha: Double? = nil, beta: Double = 1, parallel: Bool = true) {
        self.weighted = weighted
        self.normalized = normalized
        self.samples = samples
        self.seed = seed
        self.alpha = alpha
        self.beta = beta
        self.parallel = parallel
    }
}

/// Every measure computed once: the scores of those that could be computed, and why the others were not.
public struct CentralitySweep: Sendable {
    /// Why a measure was left out.
    public enum Skip: Sendable, Equatable {
        /// The measure is defined on directed graphs only, and the graph is undirected.
        case needsDirectedGraph
        /// The measure failed.
        case failed(AnalysisError)
    }
    /// Scores by node index (edge id for edge measures), in the measure table's order.
    public var computed: [(measure: CentralityMeasure, scores: [Double])]
    /// The measures left out, in the table's order.
    public var skipped: [(measure: CentralityMeasure, reason: Skip)]

    /// The scores of a measure, if it was computed.
    public func scores(_ measure: CentralityMeasure) -> [Double]? {
        computed.first { $0.measure == measure }?.scores
    }
}

/// One ranked score: a node (or, for edge measures, an edge given by its endpoints).
public struct RankedScore: Sendable, Equatable {
    /// Node index, or edge id for edge measures.
    public var index: Int
    /// The node's id, or for an edge its source's id.
    public var id: String
    /// For an edge, its target's id.
    public var target: String?
    /// The node's label (for an edge, `source → target` labels).
    public var label: String
    /// The node's kind, for typed ecosystems (`nil` for edges and generic graphs).
    public var kind: String?
    /// The score under the measure.
    public var score: Double
    /// Competition rank ("1224"): 1 + the number of items with a strictly higher score.
    public var rank: Int
}

/// The result of one centrality measure, ranked by score (descending), then id.
public struct CentralityRanking: Sendable {
    /// The measure ranked.
    public var measure: CentralityMeasure
    /// Whether the graph was directed.
    public var isDirected: Bool
    /// Whether edge weights were used (asked for, and the graph has weights).
    public var weighted: Bool
    /// Whether the scores are normalised (see `CentralityMeasure.isNormalized(_:)`).
    public var normalized: Bool
    /// Every node (or edge) with its score and competition rank, highest score first, then by id.
    public var scores: [RankedScore]
}

extension LoadedGraph {
    /// The raw scores of a node measure, by node index (for edge betweenness, by edge id).
    ///
    /// - Throws: `AnalysisError.invalidParameter` for a sample count or alpha out of range, and
    ///   `.measureFailed` with the kernel's error where the measure is undefined or does not converge (its
    ///   message suggests a fix, such as a smaller alpha for Katz).
    public func centralityScores(_ measure: CentralityMeasure, options: CentralityOptions = .init()) throws(AnalysisError) -> [Double] {
        try measure.scores(on: options.weighted ? graph : graph.unweighted, options: options)
    }

    /// Every node measure (and, with `edges`, edge betweenness) computed once, in the table's order. A measure
    /// that is undefined on this graph (in-degree on an undirected graph) or fails (an eigenvector that does
    /// not converge) is left out and listed in `skipped` with its reason, so one failure does not stop the rest.
    /// - Complexity: the sum of the measures' own costs.
    public func everyCentrality(options: CentralityOptions = .init(), edges: Bool = false) -> CentralitySweep {
        var sweep = CentralitySweep(computed: [], skipped: [])
        for measure in CentralityMeasure.allCases where edges || !measure.scoresEdges {
            if measure.needsDirectedGraph && !graph.isDirected {
                sweep.skipped.append((measure, .needsDirectedGraph))
                continue
            }
            do {
                sweep.computed.append((measure, try centralityScores(measure, options: options)))
            } catch {
                sweep.skipped.append((measure, .failed(error)))
            }
        }
        return sweep
    }

    /// A centrality measure, ranked: scores sorted descending, ties broken by id (then target id), so that
    /// runs are reproducible byte for byte.
    public func centrality(_ measure: CentralityMeasure, options: CentralityOptions = .init()) throws(AnalysisError) -> CentralityRanking {
        ranking(measure, scores: try centralityScores(measure, options: options), options: options)
    }

    /// Scores of a measure (as `centralityScores` gives them), ranked.
    /// - Complexity: `O(n log n)`.
    public func ranking(_ measure: CentralityMeasure, scores values: [Double], options: CentralityOptions = .init()) -> CentralityRanking {
        let g = graph
        var items: [RankedScore] = values.indices.map { i in
            if measure.scoresEdges {
                let u = Int(g.edgeSources[i]), v = Int(g.edgeTargets[i])
                return RankedScore(index: i, id: id(u), target: id(v), label: "\(label(u)) → \(label(v))", kind: nil, score: values[i], rank: 0)
            }
            return RankedScore(index: i, id: id(i), target: nil, label: label(i), kind: kind(i), score: values[i], rank: 0)
        }
        items.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.id != b.id { return a.id < b.id }
            return (a.target ?? "") < (b.target ?? "")
        }
        for i in items.indices {
            items[i].rank = i > 0 && items[i].score == items[i - 1].score ? items[i - 1].rank : i + 1
        }
        return CentralityRanking(measure: measure, isDirected: g.isDirected, weighted: options.weighted && g.weights != nil,
                                 normalized: measure.isNormalized(options), scores: items)
    }
}

extension CentralityMeasure {
    /// The measure's scores on a kernel graph as it is (weights, if it has any, are read as the measure
    /// reads them), after checking the options against it: the one place a measure is computed.
    /// - Throws: as `LoadedGraph.centralityScores(_:options:)`.
    func scores(on g: CSRGraph, options: CentralityOptions) throws(AnalysisError) -> [Double] {
        let definition = self.definition
        var sources = BetweennessSources.all
        if let k = options.samples, definition.samplesSources {
            guard k >= 1, k <= g.nodeCount else {
                throw .invalidParameter(.samples, value: "\(k)", expected: "between 1 and the number of nodes (\(g.nodeCount))")
            }
            sources = .sample(count: k, seed: options.seed)
        }
        if let alpha = options.alpha {
            guard alpha.isFinite else { throw .invalidParameter(.alpha, value: "\(alpha)", expected: "a finite number") }
            if let allowed = definition.alpha?.allowed, !allowed.contains(alpha) {
                func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
                throw .invalidParameter(.alpha, value: plain(alpha), expected: "in [\(plain(allowed.lowerBound)), \(plain(allowed.upperBound))] for \(definition.name)")
            }
        }
        var resolved = options
        if resolved.alpha == nil { resolved.alpha = definition.alpha?.default }
        do {
            return try definition.compute(g, resolved, sources)
        } catch {
            throw .measureFailed(self, KernelFailure(error))
        }
    }
}
