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

    /// Whether the measure scores edges rather than nodes.
    public var scoresEdges: Bool { self == .edgeBetweenness }

    /// Whether the measure is only defined on directed graphs.
    public var needsDirectedGraph: Bool { self == .inDegree || self == .outDegree }

    /// Whether the scores are normalised (as the JSON output's `normalized` reports it).
    public func isNormalized(_ options: CentralityOptions) -> Bool {
        switch self {
        case .betweenness, .edgeBetweenness: options.normalized
        case .harmonic, .coreNumber: false
        case .katz: options.normalized
        default: true
        }
    }

    /// Whether `--weighted` reads weights as distances (shortest-path measures) rather than strengths.
    public var weightIsDistance: Bool {
        switch self {
        case .betweenness, .edgeBetweenness, .closeness, .harmonic: true
        default: false
        }
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

/// Why an analysis could not give a result; the message says what to do.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    /// The message: what went wrong and what to do about it.
    public var description: String
    /// An error with a one-line message.
    public init(_ description: String) { self.description = description }
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
    public var directed: Bool
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
    /// - Throws: `AnalysisError` where the measure is undefined, does not converge, or a parameter is out
    ///   of range (the message suggests a fix, such as a smaller alpha for Katz).
    public func centralityScores(_ measure: CentralityMeasure, options: CentralityOptions = .init()) throws(AnalysisError) -> [Double] {
        let g = options.weighted ? graph : graph.unweighted
        let sources: BetweennessSources
        if let k = options.samples {
            guard k >= 1, k <= g.nodeCount else {
                throw AnalysisError("--samples must be between 1 and the number of nodes (\(g.nodeCount)), not \(k)")
            }
            sources = .sample(count: k, seed: options.seed)
        } else {
            sources = .all
        }
        if let alpha = options.alpha, !alpha.isFinite {
            throw AnalysisError("alpha must be a finite number, not \(alpha)")
        }
        do {
            switch measure {
            case .degree: return g.degreeCentrality()
            case .inDegree: return try g.inDegreeCentrality()
            case .outDegree: return try g.outDegreeCentrality()
            case .betweenness:
                return try g.betweennessCentrality(weighted: options.weighted, normalized: options.normalized,
                                                   sources: sources, parallel: options.parallel)
            case .edgeBetweenness:
                return try g.edgeBetweennessCentrality(weighted: options.weighted, normalized: options.normalized,
                                                       sources: sources, parallel: options.parallel)
            case .closeness: return try g.closenessCentrality(weighted: options.weighted, parallel: options.parallel)
            case .harmonic: return try g.harmonicCentrality(weighted: options.weighted, parallel: options.parallel)
            case .eigenvector: return try g.eigenvectorCentrality(weighted: options.weighted, parallel: options.parallel)
            case .pagerank:
                guard (options.alpha ?? 0.85) >= 0, (options.alpha ?? 0.85) <= 1 else {
                    throw AnalysisError("PageRank's alpha (damping) must be in [0, 1], not \(options.alpha!)")
                }
                return try g.pageRank(alpha: options.alpha ?? 0.85, weighted: options.weighted, parallel: options.parallel)
            case .katz:
                return try g.katzCentrality(alpha: options.alpha ?? 0.1, beta: options.beta, normalized: options.normalized,
                                            weighted: options.weighted, parallel: options.parallel)
            case .hubs: return try g.hits(weighted: options.weighted, parallel: options.parallel).hubs
            case .authorities: return try g.hits(weighted: options.weighted, parallel: options.parallel).authorities
            case .coreNumber: return try g.coreNumbers().map(Double.init)
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw AnalysisError("\(measure.rawValue): \(error)")
        }
    }

    /// A centrality measure, ranked: scores sorted descending, ties broken by id (then target id), so that
    /// runs are reproducible byte for byte.
    public func centrality(_ measure: CentralityMeasure, options: CentralityOptions = .init()) throws(AnalysisError) -> CentralityRanking {
        let values = try centralityScores(measure, options: options)
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
        return CentralityRanking(measure: measure, directed: g.isDirected, weighted: options.weighted && g.weights != nil,
                                 normalized: measure.isNormalized(options), scores: items)
    }
}
