/// Why a degree, spectral or core measure (`Degree.swift`, `PageRank.swift`, `Eigenvector.swift`,
/// `Katz.swift`, `HITS.swift`, `CoreNumber.swift`) could not give a result.
///
/// Every message says what went wrong and what to do about it.
public enum CentralityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The measure is undefined on a graph with no nodes (NetworkX's `NetworkXPointlessConcept`).
    case emptyGraph(measure: String)
    /// The measure is only defined for directed graphs (NetworkX's `NetworkXNotImplemented`).
    case undirectedGraph(measure: String, alternative: String)
    /// Eigenvector centrality of a graph with edges but no cycle: its adjacency matrix is nilpotent (every
    /// eigenvalue is 0), so there is no dominant eigenvector (NetworkX fails to converge there).
    case acyclicGraph(measure: String)
    /// The power iteration stopped after `iterations` steps with an L1 change still above `threshold`
    /// (NetworkX's `PowerIterationFailedConvergence`).
    case notConverged(measure: String, iterations: Int, change: Double, threshold: Double)
    /// Katz centrality's series `sum_k alpha^k (A^T)^k beta` diverges: `|alpha| >= 1 / spectralRadius`.
    case katzDiverges(alpha: Double, spectralRadius: Double)
    /// A measure that reads weights as strengths met a negative weight.
    case negativeWeight(measure: String, source: Int, target: Int, weight: Double)
    /// A parameter is out of its domain (a vector of the wrong length, a negative entry, a zero sum, ...).
    case invalidParameter(measure: String, name: String, reason: String)
    /// The measure is undefined on graphs with self-loops (NetworkX's `core_number` raises).
    case selfLoops(measure: String, count: Int)

    /// The largest alpha that Katz centrality accepts is just below `1 / spectralRadius`.
    public var katzAlphaBound: Double? {
        if case let .katzDiverges(_, rho) = self { return rho > 0 ? 1 / rho : .infinity }
        return nil
    }

    /// One line saying what failed and, where there is one, what to change.
    public var description: String {
        switch self {
        case let .emptyGraph(measure):
            return "\(measure) is undefined for the null graph (no nodes); add nodes first"
        case let .undirectedGraph(measure, alternative):
            return "\(measure) is only defined for directed graphs; for an undirected graph use \(alternative)"
        case let .acyclicGraph(measure):
            return "\(measure) is undefined for a graph without cycles: every eigenvalue of its adjacency matrix "
                + "is 0, so no eigenvector dominates (NetworkX does not converge here); use Katz centrality or "
                + "PageRank instead, which are defined on every graph"
        case let .notConverged(measure, iterations, change, threshold):
            var hint = "raise maxIterations or loosen tolerance"
            switch measure {
            case "eigenvector centrality":
                hint += "; slow or no convergence means the largest eigenvalue is shared (for instance by "
                    + "several strongly connected components, one downstream of another): consider Katz "
                    + "centrality or PageRank"
            case "HITS":
                hint += "; slow convergence means the two largest singular values of the adjacency matrix are "
                    + "(nearly) equal, so hubs and authorities are not unique"
            case "Katz centrality":
                hint += "; alpha may be too close to 1/lambda_max: choose a smaller alpha"
            case "PageRank":
                hint += "; alpha close to 1 converges slowly: choose a smaller alpha"
            default: break
            }
            return "\(measure) did not converge in \(iterations) iterations (L1 change \(change), needed "
                + "<= \(threshold)); \(hint)"
        case let .katzDiverges(alpha, rho):
            let bound = rho > 0 ? 1 / rho : Double.infinity
            return "Katz centrality diverges for alpha = \(alpha): the series converges only for "
                + "|alpha| < 1/lambda_max = \(bound) (lambda_max = \(rho), the largest eigenvalue modulus of the "
                + "adjacency matrix); choose alpha below \(bound), for example \(0.9 * bound)"
        case let .negativeWeight(measure, source, target, weight):
            return "\(measure) reads weights as strengths, but edge \(source) -> \(target) has the negative weight "
                + "\(weight); use non-negative weights or the unweighted measure"
        case let .invalidParameter(measure, name, reason):
            return "\(measure): invalid \(name): \(reason)"
        case let .selfLoops(measure, count):
            return "\(measure) is not defined for graphs with self-loops (this graph has \(count)), as in NetworkX; "
                + "remove the self-loops first"
        }
    }
}
