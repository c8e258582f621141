// The results' `Encodable` conformances: each writes the JSON shape `ecograph --format json` prints, key by
// key in that order (encode with `OutputValueEncoder` to keep the order; `JSONEncoder` gives the same keys).
// A missing kind is written as "" and an edge as its `[from, to]` ids, as the shapes have always been.

extension EdgeRef: Encodable {
    /// `[from, to]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(from)
        try container.encode(to)
    }
}

extension CentralityRanking: Encodable {
    private enum Keys: String, CodingKey { case measure, directed, weighted, normalized, scores }
    private enum ScoreKeys: String, CodingKey { case id, source, target, label, kind, score, rank }

    /// `{measure, directed, weighted, normalized, scores: [{id, label, kind, score, rank}]}`; edge measures
    /// write `source` and `target` instead of `id` and no kind.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(measure.rawValue, forKey: .measure)
        try container.encode(isDirected, forKey: .directed)
        try container.encode(weighted, forKey: .weighted)
        try container.encode(normalized, forKey: .normalized)
        var list = container.nestedUnkeyedContainer(forKey: .scores)
        for item in scores {
            var entry = list.nestedContainer(keyedBy: ScoreKeys.self)
            if measure.scoresEdges {
                try entry.encode(item.id, forKey: .source)
                try entry.encode(item.target ?? "", forKey: .target)
                try entry.encode(item.label, forKey: .label)
            } else {
                try entry.encode(item.id, forKey: .id)
                try entry.encode(item.label, forKey: .label)
                try entry.encode(item.kind ?? "", forKey: .kind)
            }
            try entry.encode(item.score, forKey: .score)
            try entry.encode(item.rank, forKey: .rank)
        }
    }
}

extension ChokepointReport: Encodable {
    private enum Keys: String, CodingKey {
        case consumers, providers, model, articulationPoints, bridges, stronglyConnectedComponents, weaklyConnectedComponents
        case biconnectedComponents, cycles, strongArticulationPoints, strongBridges, chokepoints
    }
    private enum EntryKeys: String, CodingKey { case id, label, kind, impact, dependents, consumers }
    private enum LossKeys: String, CodingKey { case id, lost, nodes }

    /// The options, the cut structure, then `chokepoints: [{id, label, kind, impact, dependents, consumers?}]`
    /// (per-consumer losses only when `detailsListed`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(options.consumers.description, forKey: .consumers)
        try container.encode(options.providers.description, forKey: .providers)
        try container.encode(options.model.rawValue, forKey: .model)
        try container.encode(articulationPoints, forKey: .articulationPoints)
        try container.encode(bridges, forKey: .bridges)
        try container.encode(stronglyConnectedComponents, forKey: .stronglyConnectedComponents)
        try container.encode(weaklyConnectedComponents, forKey: .weaklyConnectedComponents)
        try container.encode(biconnectedComponents, forKey: .biconnectedComponents)
        try container.encode(cycles, forKey: .cycles)
        try container.encode(strongArticulationPoints, forKey: .strongArticulationPoints)
        try container.encode(strongBridges, forKey: .strongBridges)
        var list = container.nestedUnkeyedContainer(forKey: .chokepoints)
        for entry in chokepoints {
            var fields = list.nestedContainer(keyedBy: EntryKeys.self)
            try fields.encode(entry.id, forKey: .id)
            try fields.encode(entry.label, forKey: .label)
            try fields.encode(entry.kind ?? "", forKey: .kind)
            try fields.encode(entry.impact, forKey: .impact)
            try fields.encode(entry.dependents, forKey: .dependents)
            guard detailsListed else { continue }
            var losses = fields.nestedUnkeyedContainer(forKey: .consumers)
            for loss in entry.consumers {
                var lossFields = losses.nestedContainer(keyedBy: LossKeys.self)
                try lossFields.encode(loss.consumer, forKey: .id)
                try lossFields.encode(loss.lost, forKey: .lost)
                try lossFields.encode(loss.nodes, forKey: .nodes)
            }
        }
    }
}

extension WhatIfResult: Encodable {
    private enum Keys: String, CodingKey { case scenario, model, removed, cutDependencies, lostPairs, affected, ranking, rounds }
    private enum AffectedKeys: String, CodingKey { case id, label, kind, lostCount, lost }
    private enum ChangeKeys: String, CodingKey { case id, impactBefore, impactAfter, rankBefore, rankAfter }

    /// `{scenario, model, removed, cutDependencies, lostPairs, affected, ranking, rounds?}`: `rankAfter` is
    /// `"removed"` for a removed node; `rounds` only under the cascade model.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(scenario.name, forKey: .scenario)
        try container.encode(model.rawValue, forKey: .model)
        try container.encode(removed, forKey: .removed)
        try container.encode(cutDependencies, forKey: .cutDependencies)
        try container.encode(lostPairs, forKey: .lostPairs)
        var affectedList = container.nestedUnkeyedContainer(forKey: .affected)
        for consumer in affected {
            var fields = affectedList.nestedContainer(keyedBy: AffectedKeys.self)
            try fields.encode(consumer.id, forKey: .id)
            try fields.encode(consumer.label, forKey: .label)
            try fields.encode(consumer.kind ?? "", forKey: .kind)
            try fields.encode(consumer.lostCount, forKey: .lostCount)
            try fields.encode(consumer.lost, forKey: .lost)
        }
        var ranking = container.nestedUnkeyedContainer(forKey: .ranking)
        for change in rankingChanges {
            var fields = ranking.nestedContainer(keyedBy: ChangeKeys.self)
            try fields.encode(change.id, forKey: .id)
            try fields.encode(change.impactBefore, forKey: .impactBefore)
            try fields.encode(change.impactAfter, forKey: .impactAfter)
            try fields.encode(change.rankBefore, forKey: .rankBefore)
            if let rankAfter = change.rankAfter {
                try fields.encode(rankAfter, forKey: .rankAfter)
            } else {
                try fields.encode("removed", forKey: .rankAfter)
            }
        }
        if model == .cascade { try container.encode(rounds, forKey: .rounds) }
    }
}

extension DependencyCut: Encodable {
    private enum Keys: String, CodingKey { case from, to, unit, size, cut }

    /// `{from, to, unit, size, cut}`: `cut` lists node ids, or edges as `[from, to]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(from.description, forKey: .from)
        try container.encode(to.description, forKey: .to)
        try container.encode(unit.rawValue, forKey: .unit)
        try container.encode(size, forKey: .size)
        switch unit {
        case .nodes: try container.encode(nodes, forKey: .cut)
        case .edges: try container.encode(edges, forKey: .cut)
        }
    }
}

extension GraphStatistics: Encodable {
    private enum Keys: String, CodingKey {
        case nodes, edges, distinctEdges, selfLoops, directed, weaklyConnectedComponents, stronglyConnectedComponents
        case largestComponent, density, kinds, edgeKinds
    }

    /// Counts, connectivity and density, then `kinds` and `edgeKinds` as `{kind: count}` in schema order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges, forKey: .edges)
        try container.encode(distinctEdges, forKey: .distinctEdges)
        try container.encode(selfLoops, forKey: .selfLoops)
        try container.encode(isDirected, forKey: .directed)
        try container.encode(weaklyConnectedComponents, forKey: .weaklyConnectedComponents)
        try container.encode(stronglyConnectedComponents, forKey: .stronglyConnectedComponents)
        try container.encode(largestComponent, forKey: .largestComponent)
        try container.encode(density, forKey: .density)
        for (key, counts) in [(Keys.kinds, kinds), (.edgeKinds, edgeKinds)] {
            var map = container.nestedContainer(keyedBy: KindKey.self, forKey: key)
            for (kind, count) in counts { try map.encode(count, forKey: KindKey(kind)) }
        }
    }

    private struct KindKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
