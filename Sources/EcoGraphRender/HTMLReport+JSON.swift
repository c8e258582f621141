import EcoGraphIO
import Foundation

extension HTMLReport {
    /// The content as the JSON the page's script reads (`diagramSVG` is not repeated: it is in the page).
    static func json(_ c: ReportContent, diagramAvailable: Bool = true) -> String {
        func citation(_ s: ReportContent.Citation) -> OutputValue {
            .map([("text", .string(s.text)), ("key", .optional(s.key)), ("title", .optional(s.title)),
                     ("publisher", .optional(s.publisher)), ("date", .optional(s.date)), ("url", .optional(s.url))])
        }
        func loss(_ l: ReportContent.Loss) -> OutputValue {
            .map([("id", .string(l.consumer)), ("count", .int(l.count)), ("lost", .strings(l.lost))])
        }
        func measure(_ m: ReportContent.Measure) -> OutputValue {
            .map([("key", .string(m.key)), ("name", .string(m.name)), ("summary", .string(m.summary))])
        }
        let nodes: [OutputValue] = c.nodes.map { n in
            .map([
                ("id", .string(n.id)), ("label", .string(n.label)), ("kind", .optional(n.kind)),
                ("attributes", .list(n.attributes.map { .list([.string($0.name), .string($0.value)]) })),
                ("sources", .list(n.sources.map(citation))),
                ("inferred", .bool(n.inferred)), ("note", .optional(n.note)),
                // In measure order, so the output does not depend on dictionary order.
                ("scores", .map(c.measures.compactMap { m in n.scores[m.key].map { (m.key, .number($0)) } })),
                ("impact", n.impact.map(OutputValue.int) ?? .null), ("dependents", n.dependents.map(OutputValue.int) ?? .null),
            ])
        }
        var fields: [(String, OutputValue)] = [
            ("format", .string("ecograph-report/1")),
            ("title", .string(c.title)),
            ("generatedBy", .string(c.generatedBy)),
            ("description", .string(c.description)),
            ("diagram", .bool(diagramAvailable)),
            ("directed", .bool(c.isDirected)),
            ("edgeCount", .int(c.edgeCount)),
            ("measures", .list(c.measures.map(measure))),
        ]
        // Only when set, so a report without one is byte for byte what it was before the field existed.
        if let key = c.defaultMeasure { fields.append(("defaultMeasure", .string(key))) }
        fields += [
            ("nodes", .list(nodes)),
            ("edges", .list(c.edges.map { .map([("from", .string($0.from)), ("to", .string($0.to)), ("kind", .optional($0.kind))]) })),
            ("rankings", .list(c.rankings.map { r in
                .map([("measure", measure(r.measure)), ("edges", .bool(r.scoresEdges)),
                         ("entries", .list(r.entries.map { e in
                             .map([("rank", .int(e.rank)), ("id", .string(e.id)), ("target", .optional(e.target)),
                                      ("label", .string(e.label)), ("score", .number(e.score))])
                         }))])
            })),
            ("notes", .strings(c.notes)),
            ("analysis", .string(c.analysis)),
            ("consumerCount", .int(c.consumerCount)),
            ("chokepoints", .list(c.chokepoints.map { p in
                .map([("id", .string(p.id)), ("label", .string(p.label)), ("kind", .optional(p.kind)), ("impact", .int(p.impact)),
                         ("dependents", .int(p.dependents)), ("affected", .int(p.affectedConsumers)),
                         ("consumers", .list(p.consumers.map(loss)))])
            })),
            ("articulationPoints", .strings(c.articulationPoints)),
            ("cycles", .list(c.cycles.map(OutputValue.strings))),
            ("scenarios", .list(c.scenarios.map { s in
                .map([("name", .string(s.name)), ("description", .string(s.description)), ("removed", .strings(s.removed)),
                         ("cut", .list(s.cutDependencies.map(OutputValue.strings))), ("lostPairs", .int(s.lostPairs)),
                         ("affected", .list(s.affected.map(loss)))])
            })),
            ("references", c.references.map { refs in
                .list(refs.map { r in
                    .map([("key", .string(r.key)), ("title", .string(r.title)), ("publisher", .optional(r.publisher)),
                             ("date", .optional(r.date)), ("url", .optional(r.url)), ("nodes", .strings(r.citingNodes)),
                             ("edges", .list(r.citingEdges.map(OutputValue.strings)))])
                })
            } ?? .null),
        ]
        // Only when set, so a report without one is byte for byte what it was before the section existed.
        if let diff = c.diff { fields.append(("diff", diffJSON(diff))) }
        // Only when set, as `defaultMeasure`.
        if let timeline = c.timeline { fields.append(("timeline", timelineJSON(timeline))) }
        return OutputValue.map(fields).compactHTMLSafeJSON
    }
}
