import EcoGraphKernel

extension LoadedGraph {
    /// The cascade model of the dependency graph: every table edge `u -> v` is a dependency record of `u`
    /// on `v`, weighing the edge's weight (`cascadeDependencies()`).
    ///
    /// Cut edges (`cutEdges`, kernel edge ids) become dependencies on an extra node, index `nodeCount`,
    /// that has always failed: a cut alternative is lost, a cut sole dependency fails its dependent.
    /// - Complexity: `O(n + m log m)`.
    func cascadeModel(cutEdges: Set<Int> = []) throws(AnalysisError) -> CascadeModel {
        var records = cascadeDependencies()
        if !cutEdges.isEmpty {
            for e in records.indices where graph.edgeID(from: records[e].dependent, to: records[e].dependency).map(cutEdges.contains) == true {
                records[e].dependency = nodeCount
            }
        }
        return try kernelCall { () throws(CascadeError) in try CascadeModel(nodeCount: nodeCount + 1, dependencies: records) }
    }

    /// The dependency records of the cascade model, one per table edge `u -> v` (in table order): `u` depends
    /// on `v`, weighing the edge's weight. Records of one dependent with the same `alternatives` name form one
    /// OR-group; every other record is a group of its own (so generic graphs need every dependency). A
    /// record left out (a dropped fact) simply leaves its group.
    /// - Complexity: `O(m)` (a dictionary of group names).
    func cascadeDependencies() -> [CascadeDependency] {
        var groupNames: [String: Int32] = [:]
        var records: [CascadeDependency] = []
        records.reserveCapacity(table.edgeCount)
        for e in 0 ..< table.edgeCount {
            let u = Int(table.sources[e]), v = Int(table.targets[e])
            var group = Int32(truncatingIfNeeded: e) + Int32(table.edgeCount)
            if let origin = edgeOrigins?[e], let name = ecosystem?.edges[origin].alternatives {
                let key = "\(u)\u{0}\(name)"
                if groupNames[key] == nil { groupNames[key] = Int32(groupNames.count) }
                group = groupNames[key]!
            }
            records.append(CascadeDependency(dependent: u, dependency: v, group: group, weight: table.weights?[e] ?? 1))
        }
        return records
    }

    /// For each node `X`, the consumers `C ≠ X` that fail when `X` alone is removed (cascade model).
    func cascadeImpact(consumers: [Int], threshold: Double?, parallel: Bool = true) throws(AnalysisError) -> [Int] {
        let model = try cascadeModel()
        return Array(try kernelCall { () throws(CascadeError) in
            try model.cascadeImpact(consumers: consumers, threshold: threshold, parallel: parallel)
        }.prefix(nodeCount))
    }

    /// A cascade from removed nodes and cut edges, round by round (round 0: the removed nodes).
    public func cascade(removing removed: [Int], cutEdges: Set<Int> = [], threshold: Double? = nil) throws(AnalysisError) -> [[Int]] {
        let model = try cascadeModel(cutEdges: cutEdges)
        let result = try kernelCall { () throws(CascadeError) in try model.run(removing: removed + [nodeCount], threshold: threshold) }
        return result.rounds.map { $0.filter { $0 != nodeCount } }
    }
}
