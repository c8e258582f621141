import Foundation

/// A JSON value written deterministically (keys in the order given), safe to embed in a `<script>` element.
enum ReportJSON {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([ReportJSON])
    case object([(String, ReportJSON)])

    static func optional(_ text: String?) -> ReportJSON { text.map(ReportJSON.string) ?? .null }
    static func strings(_ items: [String]) -> ReportJSON { .array(items.map(ReportJSON.string)) }

    func write(to out: inout String) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .number(let x):
            if !x.isFinite { out += "null" }
            else if x == x.rounded(), abs(x) < 1e15 { out += String(Int64(x)) }
            else { out += "\(x)" }
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal in which `<`, `>`, `&`, U+2028 and U+2029 are `\u` escapes, so that no value can
    /// close the script element, open a comment, or end a JavaScript line.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }
}

extension HTMLReport {
    /// The content as the JSON the page's script reads (`diagramSVG` is not repeated: it is in the page).
    static func json(_ c: ReportContent, diagramAvailable: Bool = true) -> String {
        func citation(_ s: ReportContent.Citation) -> ReportJSON {
            .object([("text", .string(s.text)), ("key", .optional(s.key)), ("title", .optional(s.title)),
                     ("publisher", .optional(s.publisher)), ("date", .optional(s.date)), ("url", .optional(s.url))])
        }
        func loss(_ l: ReportContent.Loss) -> ReportJSON {
            .object([("id", .string(l.consumer)), ("count", .int(l.count)), ("lost", .strings(l.lost))])
        }
        func measure(_ m: ReportContent.Measure) -> ReportJSON {
            .object([("key", .string(m.key)), ("name", .string(m.name)), ("summary", .string(m.summary))])
        }
        let nodes: [ReportJSON] = c.nodes.map { n in
            .object([
                ("id", .string(n.id)), ("label", .string(n.label)), ("kind", .optional(n.kind)),
                ("attributes", .array(n.attributes.map { .array([.string($0.name), .string($0.value)]) })),
                ("sources", .array(n.sources.map(citation))),
                ("inferred", .bool(n.inferred)), ("note", .optional(n.note)),
                // In measure order, so the output does not depend on dictionary order.
                ("scores", .object(c.measures.compactMap { m in n.scores[m.key].map { (m.key, .number($0)) } })),
                ("impact", n.impact.map(ReportJSON.int) ?? .null), ("dependents", n.dependents.map(ReportJSON.int) ?? .null),
            ])
        }
        let root: ReportJSON = .object([
            ("format", .string("ecograph-report/1")),
            ("title", .string(c.title)),
            ("generatedBy", .string(c.generatedBy)),
            ("description", .string(c.description)),
            ("diagram", .bool(diagramAvailable)),
            ("directed", .bool(c.isDirected)),
            ("edgeCount", .int(c.edgeCount)),
            ("measures", .array(c.measures.map(measure))),
            ("nodes", .array(nodes)),
            ("edges", .array(c.edges.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("kind", .optional($0.kind))]) })),
            ("rankings", .array(c.rankings.map { r in
                .object([("measure", measure(r.measure)), ("edges", .bool(r.scoresEdges)),
                         ("entries", .array(r.entries.map { e in
                             .object([("rank", .int(e.rank)), ("id", .string(e.id)), ("target", .optional(e.target)),
                                      ("label", .string(e.label)), ("score", .number(e.score))])
                         }))])
            })),
            ("notes", .strings(c.notes)),
            ("analysis", .string(c.analysis)),
            ("consumerCount", .int(c.consumerCount)),
            ("chokepoints", .array(c.chokepoints.map { p in
                .object([("id", .string(p.id)), ("label", .string(p.label)), ("kind", .optional(p.kind)), ("impact", .int(p.impact)),
                         ("dependents", .int(p.dependents)), ("affected", .int(p.affectedConsumers)),
                         ("consumers", .array(p.consumers.map(loss)))])
            })),
            ("articulationPoints", .strings(c.articulationPoints)),
            ("cycles", .array(c.cycles.map(ReportJSON.strings))),
            ("scenarios", .array(c.scenarios.map { s in
                .object([("name", .string(s.name)), ("description", .string(s.description)), ("removed", .strings(s.removed)),
                         ("cut", .array(s.cutDependencies.map(ReportJSON.strings))), ("lostPairs", .int(s.lostPairs)),
                         ("affected", .array(s.affected.map(loss)))])
            })),
            ("references", c.references.map { refs in
                .array(refs.map { r in
                    .object([("key", .string(r.key)), ("title", .string(r.title)), ("publisher", .optional(r.publisher)),
                             ("date", .optional(r.date)), ("url", .optional(r.url)), ("nodes", .strings(r.citingNodes)),
                             ("edges", .array(r.citingEdges.map(ReportJSON.strings)))])
                })
            } ?? .null),
        ])
        return root.text
    }
}
