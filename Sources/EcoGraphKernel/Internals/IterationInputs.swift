// Input checks and arc-ordered weights shared by the power-iteration measures (PageRank, eigenvector,
// Katz, HITS).

extension CSRGraph {
    /// Checks the parameters every power iteration takes.
    static func checkIterationParameters(
        measure: String, tolerance: Double, maxIterations: Int
    ) throws(CentralityError) {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw .invalidParameter(measure: measure, name: "tolerance", reason: "\(tolerance) is not a finite number >= 0")
        }
        guard maxIterations >= 1 else {
            throw .invalidParameter(measure: measure, name: "maxIterations", reason: "\(maxIterations) is not >= 1")
        }
    }

    /// Throws if any edge weight is negative.
    func checkNonNegativeWeights(measure: String) throws(CentralityError) {
        guard let weights else { return }
        for (edge, w) in weights.enumerated() where w < 0 {
            throw .negativeWeight(
                measure: measure, source: Int(edgeSources[edge]), target: Int(edgeTargets[edge]), weight: w)
        }
    }

    /// The weights in in-arc order (`nil` when the graph is unweighted), after checking they are >= 0.
    func inArcWeights(measure: String) throws(CentralityError) -> [Double]? {
        guard let weights else { return nil }
        try checkNonNegativeWeights(measure: measure)
        return inEdges.map { weights[Int($0)] }
    }

    /// The weights in out-arc order, after checking they are >= 0 (`nil` when the graph is unweighted).
    func outArcWeights(measure: String) throws(CentralityError) -> [Double]? {
        guard let weights else { return nil }
        try checkNonNegativeWeights(measure: measure)
        return outArcWeightsUnchecked(weights)
    }

    /// The weights in out-arc order (a directed graph's out-arcs are in edge-id order already).
    func outArcWeightsUnchecked(_ weights: [Double]) -> [Double] {
        isDirected ? weights : outEdges.map { weights[Int($0)] }
    }
}
