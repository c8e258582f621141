import EcoGraphKernel

/// Why an analysis could not give a result: a value a caller can switch over, carrying the kernel's own error
/// where an algorithm failed. `description` words it for people without naming any command-line flag; the
/// CLI words the parameter cases with its flags.
public indirect enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No node has this id.
    case unknownNode(String)
    /// No node has this kind.
    case unknownNodeKind(String)
    /// No node is in this group (the `group` attribute).
    case unknownGroup(String)
    /// A bare word of a `NodeSelection` that is neither a node kind, a group, nor a node id.
    case unresolvedSelection(String)
    /// The consumer and provider selections of a cut share these nodes (ids, at most three).
    case overlappingSelections([String])
    /// No edge kind of the graph has this name.
    case unknownEdgeKind(String)
    /// The graph has no edge kinds (a generic graph without them), so none can be removed.
    case noEdgeKinds
    /// No edge has this id.
    case unknownEdgeID(String)
    /// No node has this attribute (to cluster by).
    case unknownAttribute(String)
    /// A generic graph has no node attributes (to cluster by).
    case noNodeAttributes
    /// The edge with this id is of a kind that is not a restriction, so a scenario cannot apply it.
    case notARestriction(edgeID: String, kind: String)
    /// Restrictions apply to a typed ecosystem in its dependency view only.
    case restrictionsNeedTypedDependencyView
    /// A parameter is outside its domain: `value` as given, `expected` says what is allowed.
    case invalidParameter(AnalysisParameter, value: String, expected: String)
    /// A centrality measure failed in the kernel (undefined on this graph, did not converge, diverged, ...).
    case measureFailed(CentralityMeasure, KernelFailure)
    /// A dependency algorithm (dominators, reachability, cascade, cut) failed in the kernel.
    case kernel(KernelFailure)
    /// Something in a scenario failed; the scenario's name and the reason.
    case scenario(name: String, AnalysisError)
    /// A candidate edge (of `rescues(from:candidates:)`) that the ecosystem's schema rejects, with the reason.
    case candidate(String)
    /// An analysis failed in one sampled world (its index) though it succeeded on the full map.
    case sampledWorld(Int, AnalysisError)

    /// One line: what went wrong and what to do about it.
    public var description: String {
        switch self {
        case .unknownNode(let id): "unknown node id '\(id)'"
        case .unknownNodeKind(let kind): "no node has kind '\(kind)'"
        case .unknownGroup(let group): "no node is in group '\(group)' (the `group` attribute)"
        case .unresolvedSelection(let word): "'\(word)' is neither a node kind, a group, nor a node id"
        case .overlappingSelections(let ids):
            "the consumer and provider sets share \(ids.joined(separator: ", ")); a node cannot be cut from itself"
        case .unknownEdgeKind(let kind): "unknown edge kind '\(kind)'"
        case .noEdgeKinds: "this graph has no edge kinds to remove"
        case .unknownEdgeID(let id): "no edge has id '\(id)'"
        case .unknownAttribute(let name): "no node has the attribute '\(name)' to cluster by"
        case .noNodeAttributes: "a generic graph has no node attributes to cluster by; use `kind` or an ecosystem file"
        case .notARestriction(let id, let kind): "edge '\(id)' is a '\(kind)' edge, not a restriction"
        case .restrictionsNeedTypedDependencyView: "restrictions apply to a typed ecosystem in its dependency view"
        case .invalidParameter(let parameter, let value, let expected): "\(parameter.summary) must be \(expected), not \(value)"
        case .measureFailed(let measure, let failure): "\(measure.rawValue): \(failure)"
        case .kernel(let failure): failure.description
        case .scenario(let name, let reason): "scenario '\(name)': \(reason)"
        case .candidate(let reason): "candidate \(reason)"
        case .sampledWorld(let world, let reason): "in sampled world \(world): \(reason)"
        }
    }

    /// The reason without the scenario or measure it happened in.
    public var reason: AnalysisError {
        if case .scenario(_, let inner) = self { return inner.reason }
        return self
    }
}

/// A parameter of an analysis that can be out of range; the CLI maps each to its flag.
public enum AnalysisParameter: String, Sendable, Hashable, CaseIterable {
    /// The number of sampled betweenness sources (`CentralityOptions.samples`).
    case samples
    /// PageRank's damping factor or Katz's attenuation (`CentralityOptions.alpha`).
    case alpha
    /// How many entries a ranking lists (the report's rankings, a diagram's top-N view).
    case top
    /// The radius of an ego network (`DiagramOptions.depth`).
    case depth
    /// The hops around the changes a diff diagram keeps (`DiffDiagramOptions.context`).
    case context
    /// The number of sampled worlds (`SimulationOptions.worlds`).
    case uncertainty
    /// The measure a timeline follows (`TimelineMeasure`).
    case measure

    /// The parameter in words, for messages.
    public var summary: String {
        switch self {
        case .samples: "the number of sampled sources"
        case .alpha: "alpha"
        case .top: "the number of ranked entries"
        case .depth: "the depth of an ego network"
        case .context: "the number of hops kept around the changes"
        case .uncertainty: "the number of sampled worlds"
        case .measure: "the measure"
        }
    }
}

/// The kernel's own error behind an analysis that failed, as its type says.
public enum KernelFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A graph-level problem: an index out of range, a negative distance, ...
    case graph(CSRGraphError)
    /// A degree, spectral or core measure could not give a result.
    case centrality(CentralityError)
    /// Reachability under removals failed.
    case reachability(ReachabilityError)
    /// The cascade model could not be built or run.
    case cascade(CascadeError)
    /// A minimum cut could not be computed.
    case cut(MinimumCutError)

    /// The kernel error's own one-line message.
    public var description: String {
        switch self {
        case .graph(let error): error.description
        case .centrality(let error): error.description
        case .reachability(let error): error.description
        case .cascade(let error): error.description
        case .cut(let error): error.description
        }
    }

    /// Wraps an error a kernel call threw. Every kernel entry point throws one of the types above; any other
    /// error is a programming error.
    init(_ error: any Error) {
        switch error {
        case let error as CSRGraphError: self = .graph(error)
        case let error as CentralityError: self = .centrality(error)
        case let error as ReachabilityError: self = .reachability(error)
        case let error as CascadeError: self = .cascade(error)
        case let error as MinimumCutError: self = .cut(error)
        default: preconditionFailure("a kernel call threw an error of an unexpected type: \(error)")
        }
    }
}

/// Runs a kernel call, turning its typed error into `AnalysisError.kernel`.
@inline(__always)
func kernelCall<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(AnalysisError) -> Result {
    do { return try body() } catch { throw .kernel(KernelFailure(error)) }
}
