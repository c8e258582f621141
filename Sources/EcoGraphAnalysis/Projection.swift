import EcoGraphKernel

/// Which edges of a typed ecosystem an analysis sees, and which way they point.
public enum EcosystemView: String, Sendable, CaseIterable {
    /// Every edge, in the direction the file gives it.
    case asWritten = "as-written"
    /// Dependency edges only, each oriented from dependent to dependency (`u -> v`: u depends on v).
    /// Restriction and influence edges are left out.
    case dependency
}

extension Ecosystem {
    /// The ecosystem as a generic graph table: node ids, labels and kinds, and the edges of a view.
    /// Edge weights and kinds are carried over; node indices follow the ecosystem's node order.
    ///
    /// Call on a validated ecosystem: edges whose endpoints are unknown are skipped.
    /// - Complexity: `O(n + m)`.
    public func graphTable(view: EcosystemView = .asWritten) -> GraphTable {
        projection(view: view).table
    }

    /// The graph table of a view, with the index of the ecosystem edge behind each table edge.
    /// - Complexity: `O(n + m)`.
    public func projection(view: EcosystemView) -> (table: GraphTable, edgeOrigins: [Int]) {
        let index = nodeIndex()
        let schema = self.schema
        var nodeKindNames = schema.nodeKinds.map(\.id)
        var nodeKindCode = Dictionary(uniqueKeysWithValues: nodeKindNames.enumerated().map { ($1, Int32($0)) })
        var nodeKinds: [Int32] = []
        nodeKinds.reserveCapacity(nodes.count)
        for node in nodes {
            if nodeKindCode[node.kind] == nil {
                nodeKindCode[node.kind] = Int32(nodeKindNames.count)
                nodeKindNames.append(node.kind)
            }
            nodeKinds.append(nodeKindCode[node.kind]!)
        }
        let edgeKindNames = schema.edgeKinds.map(\.id)
        let edgeKindCode = Dictionary(uniqueKeysWithValues: edgeKindNames.enumerated().map { ($1, Int32($0)) })
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = [], kinds: [Int32] = []
        var origins: [Int] = []
        for (edgeIndex, edge) in edges.enumerated() {
            guard let u = index[edge.from], let v = index[edge.to], let kindCode = edgeKindCode[edge.kind] else { continue }
            var (from, to) = (u, v)
            if view == .dependency {
                guard let dependent = schema.edgeKind(edge.kind)?.dependent else { continue }
                if dependent == .target { (from, to) = (v, u) }
            }
            sources.append(Int32(from))
            targets.append(Int32(to))
            weights.append(edge.weight)
            kinds.append(kindCode)
            origins.append(edgeIndex)
        }
        // Lifetimes only when something is dated, confidences only when one is not 1, so that an undated,
        // certain ecosystem gives the table it always did.
        let datedNodes = nodes.contains { $0.lifetime.isDated }
        let datedEdges = origins.contains { edges[$0].effectiveLifetime.isDated }
        let table = GraphTable(
            isDirected: true, nodeIDs: nodes.map(\.id), nodeLabels: nodes.map(\.label),
            nodeKinds: nodeKinds, nodeKindNames: nodeKindNames,
            sources: sources, targets: targets, weights: weights, edgeKinds: kinds, edgeKindNames: edgeKindNames,
            nodeLifetimes: datedNodes ? nodes.map(\.lifetime) : nil,
            edgeLifetimes: datedEdges ? origins.map { edges[$0].effectiveLifetime } : nil,
            nodeConfidences: nodes.contains { $0.confidence != 1 } ? nodes.map(\.confidence) : nil,
            edgeConfidences: origins.contains { edges[$0].confidence != 1 } ? origins.map { edges[$0].confidence } : nil)
        return (table, origins)
    }
}

extension GraphTable {
    /// The table as a kernel graph. Parallel edges merge (the last weight wins) and self-loops stay,
    /// as in NetworkX's `DiGraph` / `Graph`. Without `weighted`, weights are dropped.
    /// - Complexity: `O(n + m log d)`.
    public func csrGraph(weighted: Bool = false) -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: nodeCount, isDirected: isDirected)
        builder.reserveCapacity(edgeCount)
        for i in 0 ..< edgeCount {
            // Readers and projections only produce indices into `nodeIDs` and finite weights.
            do {
                try builder.addEdge(Int(sources[i]), Int(targets[i]), weight: weighted ? weights?[i] : nil)
            } catch {
                preconditionFailure("GraphTable holds an invalid edge: \(error)")
            }
        }
        return builder.build()
    }
}
