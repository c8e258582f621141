// The diff's JSON shape, written once (`ecograph diff --format json` prints it; the report embeds it).

extension GraphDiff: Encodable, OutputValueConvertible {
    /// `{before, after, nodes, edges, ranking, chokepoints, reach}`:
    /// - `before`, `after`: `{name, asOf}` (`asOf` null when the side is the whole record);
    /// - `nodes`: `{added, removed, changed}`, each a list of `{id, label, kind, sources}`, a changed node with
    ///   `changes: [{field, before, after}]` (values as text, null where absent);
    /// - `edges`: the same with `{id, from, to, kind, occurrence, sources}` (`id` null for an edge without one);
    /// - `ranking`: `{measure, top, shifts}` and `chokepoints`: `{consumers, providers, model, top, shifts}`,
    ///   each shift `{id, label, kind, movement, rankBefore, rankAfter, scoreBefore, scoreAfter}` (an edge
    ///   measure's shifts have `source` and `target` instead of `id`, and no kind; ranks and scores null where
    ///   not ranked);
    /// - `reach`: `{consumers, providers, compared, lostPairs, gainedPairs, listed, changes: [{id, label, kind,
    ///   lostCount, gainedCount, lost, gained}]}` (`lost` and `gained` empty when `listed` is false: more pairs than
    ///   `DiffOptions.pairLimit`).
    /// A missing kind is written as `""`, as in every result.
    public var outputValue: OutputValue {
        func side(_ s: DiffSide) -> OutputValue {
            .map([("name", .string(s.name)), ("asOf", .optional(s.asOf?.description))])
        }
        func changes(_ list: [FieldChange]) -> OutputValue {
            .list(list.map { .map([("field", .string($0.field)), ("before", .optional($0.before)), ("after", .optional($0.after))]) })
        }
        func node(_ n: DiffNode, _ extra: [(String, OutputValue)] = []) -> OutputValue {
            .map([("id", .string(n.id)), ("label", .string(n.label)), ("kind", .string(n.kind ?? "")), ("sources", .strings(n.sources))] + extra)
        }
        func edge(_ e: DiffEdge, _ extra: [(String, OutputValue)] = []) -> OutputValue {
            .map([("id", .optional(e.id)), ("from", .string(e.from)), ("to", .string(e.to)), ("kind", .string(e.kind ?? "")),
                  ("occurrence", .int(e.occurrence)), ("sources", .strings(e.sources))] + extra)
        }
        func rank(_ r: Int?) -> OutputValue { r.map(OutputValue.int) ?? .null }
        func score(_ x: Double?) -> OutputValue { x.map(OutputValue.number) ?? .null }
        func shifts(_ list: [RankShift], edges: Bool) -> OutputValue {
            .list(list.map { s in
                var fields: [(String, OutputValue)] = edges
                    ? [("source", .string(s.id)), ("target", .string(s.target ?? "")), ("label", .string(s.label))]
                    : [("id", .string(s.id)), ("label", .string(s.label)), ("kind", .string(s.kind ?? ""))]
                fields += [("movement", .string(s.movement.rawValue)), ("rankBefore", rank(s.rankBefore)), ("rankAfter", rank(s.rankAfter)),
                           ("scoreBefore", score(s.scoreBefore)), ("scoreAfter", score(s.scoreAfter))]
                return .map(fields)
            })
        }
        let c = consequences
        return .map([
            ("before", side(before)),
            ("after", side(after)),
            ("nodes", .map([
                ("added", .list(facts.addedNodes.map { node($0) })),
                ("removed", .list(facts.removedNodes.map { node($0) })),
                ("changed", .list(facts.changedNodes.map { node($0.node, [("changes", changes($0.changes))]) })),
            ])),
            ("edges", .map([
                ("added", .list(facts.addedEdges.map { edge($0) })),
                ("removed", .list(facts.removedEdges.map { edge($0) })),
                ("changed", .list(facts.changedEdges.map { edge($0.edge, [("changes", changes($0.changes))]) })),
            ])),
            ("ranking", .map([("measure", .string(c.measure.rawValue)), ("top", .int(c.top)),
                              ("shifts", shifts(c.rankShifts, edges: c.measure.scoresEdges))])),
            ("chokepoints", .map([("consumers", .string(c.dependency.consumers.description)), ("providers", .string(c.dependency.providers.description)),
                                  ("model", .string(c.dependency.model.rawValue)), ("top", .int(c.top)),
                                  ("shifts", shifts(c.impactShifts, edges: false))])),
            ("reach", .map([
                ("consumers", .string(c.dependency.consumers.description)), ("providers", .string(c.dependency.providers.description)),
                ("compared", .int(c.consumersCompared)), ("lostPairs", .int(c.lostPairs)), ("gainedPairs", .int(c.gainedPairs)),
                ("listed", .bool(c.pairsListed)),
                ("changes", .list(c.reach.map { r in
                    .map([("id", .string(r.consumer)), ("label", .string(r.label)), ("kind", .string(r.kind ?? "")),
                          ("lostCount", .int(r.lostCount)), ("gainedCount", .int(r.gainedCount)),
                          ("lost", .strings(r.lost)), ("gained", .strings(r.gained))])
                })),
            ])),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}
