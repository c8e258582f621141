// The results' JSON shapes, each written once: `outputValue` is the shape `ecograph --format json` prints
// (keys in that order; a missing kind written as "", an edge as its `[from, to]` ids, as the shapes have always
// been), and the `Encodable` conformance encodes that value, so `JSONEncoder` gives the same keys and values.

extension EdgeRef: Encodable, OutputValueConvertible {
    /// `[from, to]`.
    public var outputValue: OutputValue { .strings(ids) }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

private func edgeList(_ list: [EdgeRef]) -> OutputValue { .list(list.map(\.outputValue)) }
private func idLists(_ lists: [[String]]) -> OutputValue { .list(lists.map(OutputValue.strings)) }

extension CentralityRanking: Encodable, OutputValueConvertible {
    /// `{measure, directed, weighted, normalized, scores: [{id, label, kind, score, rank}]}`; edge measures
    /// write `source` and `target` instead of `id`, and no kind.
    public var outputValue: OutputValue {
        let edgeScores = measure.scoresEdges
        return .map([
            ("measure", .string(measure.rawValue)),
            ("directed", .bool(isDirected)),
            ("weighted", .bool(weighted)),
            ("normalized", .bool(normalized)),
            ("scores", .list(scores.map { item in
                var fields: [(String, OutputValue)] = edgeScores
                    ? [("source", .string(item.id)), ("target", .string(item.target ?? ""))]
                    : [("id", .string(item.id))]
                fields.append(("label", .string(item.label)))
                if !edgeScores { fields.append(("kind", .string(item.kind ?? ""))) }
                fields += [("score", .number(item.score)), ("rank", .int(item.rank))]
                return .map(fields)
            })),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension ChokepointReport: Encodable, OutputValueConvertible {
    /// The options, the cut structure, then `chokepoints: [{id, label, kind, impact, dependents, consumers?}]`
    /// (per-consumer losses only when `detailsListed`).
    public var outputValue: OutputValue {
        .map([
            ("consumers", .string(options.consumers.description)),
            ("providers", .string(options.providers.description)),
            ("model", .string(options.model.rawValue)),
            ("articulationPoints", .strings(articulationPoints)),
            ("bridges", edgeList(bridges)),
            ("stronglyConnectedComponents", .int(stronglyConnectedComponents)),
            ("weaklyConnectedComponents", .int(weaklyConnectedComponents)),
            ("biconnectedComponents", idLists(biconnectedComponents)),
            ("cycles", idLists(cycles)),
            ("strongArticulationPoints", .strings(strongArticulationPoints)),
            ("strongBridges", edgeList(strongBridges)),
            ("chokepoints", .list(chokepoints.map { entry in
                var fields: [(String, OutputValue)] = [
                    ("id", .string(entry.id)), ("label", .string(entry.label)), ("kind", .string(entry.kind ?? "")),
                    ("impact", .int(entry.impact)), ("dependents", .int(entry.dependents)),
                ]
                if detailsListed {
                    fields.append(("consumers", .list(entry.consumers.map { loss in
                        .map([("id", .string(loss.consumer)), ("lost", .int(loss.lost)), ("nodes", .strings(loss.nodes))])
                    })))
                }
                return .map(fields)
            })),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension WhatIfResult: Encodable, OutputValueConvertible {
    /// `{scenario, model, removed, cutDependencies, lostPairs, affected, ranking, rounds?, skipped?}`:
    /// `rankAfter` is `"removed"` for a removed node; `rounds` only under the cascade model; `skipped` (the
    /// restrictions not in force, `[{id, reason}]`) only when there are some.
    public var outputValue: OutputValue {
        var fields: [(String, OutputValue)] = [
            ("scenario", .string(scenario.name)),
            ("model", .string(model.rawValue)),
            ("removed", .strings(removed)),
            ("cutDependencies", edgeList(cutDependencies)),
            ("lostPairs", .int(lostPairs)),
            ("affected", .list(affected.map { consumer in
                .map([("id", .string(consumer.id)), ("label", .string(consumer.label)), ("kind", .string(consumer.kind ?? "")),
                      ("lostCount", .int(consumer.lostCount)), ("lost", .strings(consumer.lost))])
            })),
            ("ranking", .list(rankingChanges.map { change in
                .map([("id", .string(change.id)), ("impactBefore", .int(change.impactBefore)),
                      ("impactAfter", .int(change.impactAfter)), ("rankBefore", .int(change.rankBefore)),
                      ("rankAfter", change.rankAfter.map(OutputValue.int) ?? .string("removed"))])
            })),
        ]
        if model == .cascade { fields.append(("rounds", idLists(rounds))) }
        if !skipped.isEmpty {
            fields.append(("skipped", .list(skipped.map { .map([("id", .string($0.id)), ("reason", .string($0.reason.description))]) })))
        }
        return .map(fields)
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension DependencyCut: Encodable, OutputValueConvertible {
    /// `{from, to, unit, size, cut}`: `cut` lists node ids, or edges as `[from, to]`.
    public var outputValue: OutputValue {
        .map([
            ("from", .string(from.description)), ("to", .string(to.description)), ("unit", .string(unit.rawValue)),
            ("size", .int(size)), ("cut", unit == .edges ? edgeList(self.edges) : .strings(nodes)),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension GraphStatistics: Encodable, OutputValueConvertible {
    /// Counts, connectivity and density, then `kinds` and `edgeKinds` as `{kind: count}` in schema order.
    public var outputValue: OutputValue {
        .map([
            ("nodes", .int(nodes)),
            ("edges", .int(edges)),
            ("distinctEdges", .int(distinctEdges)),
            ("selfLoops", .int(selfLoops)),
            ("directed", .bool(isDirected)),
            ("weaklyConnectedComponents", .int(weaklyConnectedComponents)),
            ("stronglyConnectedComponents", .int(stronglyConnectedComponents)),
            ("largestComponent", .int(largestComponent)),
            ("density", .number(density)),
            ("kinds", .map(kinds.map { ($0.kind, .int($0.count)) })),
            ("edgeKinds", .map(edgeKinds.map { ($0.kind, .int($0.count)) })),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension SensitivityTarget {
    /// `impact`, the measure's name, or `scenario:NAME`.
    public var name: String {
        switch self {
        case .impact: "impact"
        case .centrality(let measure): measure.rawValue
        case .scenario(let scenario): "scenario:\(scenario.name)"
        }
    }
}

extension FactSensitivity: Encodable, OutputValueConvertible {
    /// `{fact: node|edge, name, kind, confidence, inferred, sources, line, changes, setChange, displacement,
    /// noLongerCutOff, nowCutOff}`; `line` is null when unknown.
    public var outputValue: OutputValue {
        let factKind: String = if case .node = fact { "node" } else { "edge" }
        return .map([
            ("fact", .string(factKind)), ("name", .string(name)), ("kind", .optional(kind)), ("confidence", .number(confidence)),
            ("inferred", .bool(inferred)), ("sources", .strings(sources)), ("line", location.map { .int($0.line) } ?? .null),
            ("changes", .strings(changes)), ("setChange", .int(setChange)), ("displacement", .int(displacement)),
            ("noLongerCutOff", .strings(noLongerCutOff)), ("nowCutOff", .strings(nowCutOff)),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension SensitivityReport: Encodable, OutputValueConvertible {
    /// `{target, top, baseline, examined, population, changingShare: {estimate, low, high}, facts: [FactSensitivity]}`.
    public var outputValue: OutputValue {
        let share = changingShare
        return .map([("target", .string(target.name)), ("top", .int(top)), ("baseline", .strings(baseline)), ("examined", .int(examined)),
                     ("population", .int(population)),
                     ("changingShare", .map([("estimate", .number(share.estimate)), ("low", .number(share.low)), ("high", .number(share.high))])),
                     ("facts", .list(facts.map(\.outputValue)))])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension Rescue: Encodable, OutputValueConvertible {
    /// `{from, to, kind, saved}`.
    public var outputValue: OutputValue {
        .map([("from", .string(edge.from)), ("to", .string(edge.to)), ("kind", .string(edge.kind)), ("saved", .strings(saved))])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}
