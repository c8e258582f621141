import EcoGraphKernel

/// A scenario resolved against a loaded graph: the nodes and kernel edges it takes out.
public struct ResolvedScenario: Sendable, Equatable {
    /// The scenario as given.
    public var scenario: Scenario
    /// Removed nodes, by index, sorted.
    public var removedNodes: [Int]
    /// Removed kernel edges (`LoadedGraph.graph` edge ids), sorted. For a typed ecosystem an edge goes only
    /// when every typed edge behind it goes, or when a restriction cuts the dependency it stands for.
    public var removedEdges: [Int]
    /// Restrictions the scenario names that are not in force in the facts analysed (lifted, not yet or no
    /// longer in effect on the day, or left out by the filter), in the scenario's order, with the reason.
    public var skipped: [SkippedRestriction] = []
}

/// A restriction a scenario names that is not applied, and why.
public struct SkippedRestriction: Sendable, Hashable, CustomStringConvertible {
    /// The restriction edge's id.
    public var id: String
    /// Why it is not in force in the facts analysed.
    public var reason: FactExclusion

    /// "id: reason".
    public var description: String { "\(id): \(reason)" }
}

extension LoadedGraph {
    /// The jurisdictions each node belongs to, by node index: the ids in its `country` attribute; a node whose
    /// kind has the role `jurisdiction` (a state, a country) belongs to itself; a node without a `country`
    /// belongs where the other ends of its edges of a kind that `conveysHome` (`develops`: its developers) do,
    /// followed until a home is found. Empty for generic graphs.
    /// - Complexity: `O((n + m) r)` for `r` rounds of inheritance along such chains (a few).
    public func homes() -> [Set<String>] {
        guard let ecosystem else { return Array(repeating: [], count: nodeCount) }
        let index = nodeIndex()
        let schema = ecosystem.schema
        var homes = ecosystem.nodes.map { node -> Set<String> in
            if schema.nodeKind(node.kind)?.role == .jurisdiction { return [node.id] }
            return Set(node.attributes[NodeAttribute.home]?.strings ?? [])
        }
        var developers = [[Int]](repeating: [], count: nodeCount)
        for edge in ecosystem.edges {
            guard let kind = schema.edgeKind(edge.kind), kind.conveysHome, let dependent = kind.dependent,
                  let from = index[edge.from], let to = index[edge.to] else { continue }
            if dependent == .target { developers[to].append(from) } else { developers[from].append(to) }
        }
        var changed = true
        while changed {
            changed = false
            for node in 0 ..< nodeCount where homes[node].isEmpty && !developers[node].isEmpty {
                let inherited = developers[node].reduce(into: Set<String>()) { $0.formUnion(homes[$1]) }
                if !inherited.isEmpty { homes[node] = inherited; changed = true }
            }
        }
        return homes
    }

    /// Whether a restriction aimed at `targets` reaches a node: a target is the node itself, one of its
    /// homes, or a group that the node or one of its homes is in.
    private func isTargeted(_ node: Int, by targets: Set<String>, homes: [Set<String>], index: [String: Int]) -> Bool {
        if targets.contains(id(node)) || !homes[node].isDisjoint(with: targets) { return true }
        var groups = Set(self.groups(of: node))
        for home in homes[node] { if let h = index[home] { groups.formUnion(self.groups(of: h)) } }
        return !groups.isDisjoint(with: targets)
    }

    /// Resolves a scenario's ids and kinds against this graph.
    ///
    /// Restrictions (typed ecosystems, dependency view):
    /// The restriction edge kinds (`EdgeRole.restriction`) say what they cut, and node kinds' roles say what a
    /// restriction is aimed at:
    /// - an export control (effect `export`, as `export_controls`) `S -> item` on a node whose kind has the role
    ///   `item` (a technology) cuts every dependency on `item` of a node its `targets` reach (the target itself,
    ///   a node whose home is a target, or a member of a target group; see `homes()`); without targets, of
    ///   every node whose home is not `S`'s;
    /// - an export control `S -> entity` on any other node (an entity listing) cuts the entity's own
    ///   dependencies on nodes whose home is `S`'s;
    /// - a ban (effect `use`, as `bans`) `S -> item` cuts the dependencies on `item` of the nodes its targets
    ///   reach, or, without targets, of `S`'s own nodes.
    ///
    /// A restriction that is not in force in the facts analysed (`FactFilter`: lifted, not yet or no longer
    /// in effect on the day, below the confidence floor, inferred) is not applied; it is listed in `skipped`.
    /// - Throws: `AnalysisError.scenario` with the reason: an unknown id or kind, or a restriction on a graph
    ///   without types.
    public func resolve(_ scenario: Scenario) throws(AnalysisError) -> ResolvedScenario {
        do {
            return try resolveUnnamed(scenario)
        } catch {
            throw .scenario(name: scenario.name, error)
        }
    }

    private func resolveUnnamed(_ scenario: Scenario) throws(AnalysisError) -> ResolvedScenario {
        let index = nodeIndex()
        var removedNodes = Set<Int>()
        for id in scenario.removeNodes {
            guard let node = index[id] else { throw .unknownNode(id) }
            removedNodes.insert(node)
        }
        for kind in scenario.removeNodeKinds {
            let nodes = (0 ..< nodeCount).filter { self.kind($0) == kind }
            guard !nodes.isEmpty else { throw .unknownNodeKind(kind) }
            removedNodes.formUnion(nodes)
        }
        var removedEdges = Set<Int>()
        var skipped: [SkippedRestriction] = []
        if !scenario.removeEdgeKinds.isEmpty {
            guard let kinds = table.edgeKinds else { throw .noEdgeKinds }
            // A kernel edge may stand for several file edges (NetworkX's DiGraph merges them): it goes when all go.
            var total = [Int](repeating: 0, count: graph.edgeCount), removed = total
            let doomed = Set(scenario.removeEdgeKinds)
            for kind in doomed where !table.edgeKindNames.contains(kind) { throw .unknownEdgeKind(kind) }
            for e in 0 ..< table.edgeCount {
                guard let edge = graph.edgeID(from: Int(table.sources[e]), to: Int(table.targets[e])) else { continue }
                total[edge] += 1
                if doomed.contains(table.edgeKindNames[Int(kinds[e])]) { removed[edge] += 1 }
            }
            for edge in 0 ..< graph.edgeCount where total[edge] > 0 && removed[edge] == total[edge] { removedEdges.insert(edge) }
        }
        if !scenario.apply.isEmpty {
            guard let ecosystem, view == .dependency else { throw .restrictionsNeedTypedDependencyView }
            let schema = ecosystem.schema
            let homes = self.homes()
            let record = self.record ?? ecosystem
            for id in scenario.apply {
                guard let recorded = record.edges.firstIndex(where: { $0.id == id }) else { throw .unknownEdgeID(id) }
                guard schema.edgeKind(record.edges[recorded].kind)?.restriction != nil else {
                    throw .notARestriction(edgeID: id, kind: record.edges[recorded].kind)
                }
                if let reason = record.exclusion(ofEdge: recorded, by: filter) {
                    skipped.append(SkippedRestriction(id: id, reason: reason))
                    continue
                }
                guard let restriction = ecosystem.edges.first(where: { $0.id == id }), let effect = schema.edgeKind(restriction.kind)?.restriction
                else { throw .unknownEdgeID(id) }
                if !restriction.isInForce(on: filter.asOf), let lifted = restriction.lifted {
                    skipped.append(SkippedRestriction(id: id, reason: .lifted(lifted)))
                    continue
                }
                guard let item = index[restriction.to], let issuer = index[restriction.from] else { continue }
                let targets: Set<String>? = restriction.targets.isEmpty ? nil : Set(restriction.targets)
                let isItem = schema.nodeKind(ecosystem.nodes[item].kind)?.role == .item
                if effect == .export && !isItem {
                    // An entity listing: the listed company, institute or model loses what the issuer's side supplies.
                    for arc in graph.outArcs(item) where !homes[Int(graph.outTargets[arc])].isDisjoint(with: homes[issuer]) {
                        removedEdges.insert(Int(graph.outEdges[arc]))
                    }
                    continue
                }
                for arc in graph.inArcs(item) {
                    let dependent = Int(graph.inSources[arc])
                    let reached: Bool
                    if let targets {
                        reached = isTargeted(dependent, by: targets, homes: homes, index: index)
                    } else if effect == .use {
                        reached = !homes[dependent].isDisjoint(with: homes[issuer])
                    } else {
                        reached = homes[dependent].isDisjoint(with: homes[issuer])
                    }
                    if reached { removedEdges.insert(Int(graph.inEdges[arc])) }
                }
            }
        }
        return ResolvedScenario(scenario: scenario, removedNodes: removedNodes.sorted(), removedEdges: removedEdges.sorted(), skipped: skipped)
    }
}
