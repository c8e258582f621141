import EcoGraphModel

/// Turns a parsed YAML or JSON document into an `Ecosystem`, collecting every problem with its position:
/// structural ones (a missing field, a value of the wrong type, an unknown key) while decoding, and
/// semantic ones from `Ecosystem.validate()` afterwards, placed at the offending field.
///
/// Limits: an id (of a node, an edge, a kind, a reference, an attribute; an edge's `from`, `to`, `targets`, a
/// node's or edge's `kind` and `sources`) longer than `limits.idBytes`, any other string (a label, a note, a
/// description, an attribute value) longer than `limits.valueBytes`, more nodes than `limits.nodes` or edges
/// than `limits.edges` is refused with that one error (`InputLimits.exceeded`) at the offending value. A file
/// without a document (empty, blank or only comments) is the error `FILE: empty graph: no nodes or edges`, as
/// for the generic readers; a document with an empty `nodes` list is an empty ecosystem, which reads.
struct EcosystemDecoder {
    private let file: String
    private let limits: InputLimits
    private var diagnostics: [Diagnostic] = []
    /// The first limit the document goes past: the one error thrown when set.
    private var limitError: GraphFileError?
    /// Where each subject starts, and where each of its fields' values is.
    private var positions: [ValidationSubject: (start: FilePosition, fields: [String: FilePosition])] = [:]

    private init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
    }

    /// Parses ecosystem text in a format and decodes it.
    static func decode(_ text: String, format: EcosystemFormat, file: String, limits: InputLimits) throws(GraphFileError) -> Ecosystem {
        try decodeWithWarnings(text, format: format, file: file, limits: limits, listWarnings: false, staleBefore: nil).ecosystem
    }

    /// Parses, decodes and validates ecosystem text, and lists its warnings.
    static func decodeWithWarnings(_ text: String, format: EcosystemFormat, file: String, limits: InputLimits, listWarnings: Bool = true,
                                   staleBefore: EcoDate?) throws(GraphFileError) -> (ecosystem: Ecosystem, warnings: [Diagnostic]) {
        // An empty or blank file (a byte order mark at most) is an empty graph in both spellings, before the
        // JSON parser would call it malformed. A leading byte order mark is dropped by the document parsers.
        if text.unicodeScalars.allSatisfy({ $0 == "\u{FEFF}" || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw GraphFileError.emptyGraph(file: file)
        }
        return try decodeWithWarnings(DocumentNode.parse(text, format: format, file: file, limits: limits), file: file, limits: limits,
                                      listWarnings: listWarnings, staleBefore: staleBefore)
    }

    static func decode(_ root: DocumentNode?, file: String, limits: InputLimits = .default) throws(GraphFileError) -> Ecosystem {
        try decodeWithWarnings(root, file: file, limits: limits, listWarnings: false, staleBefore: nil).ecosystem
    }

    /// Decodes and validates, and places `Ecosystem.warnings(staleBefore:)` at their lines.
    static func decodeWithWarnings(_ root: DocumentNode?, file: String, limits: InputLimits, listWarnings: Bool,
                                   staleBefore: EcoDate?) throws(GraphFileError) -> (ecosystem: Ecosystem, warnings: [Diagnostic]) {
        var decoder = EcosystemDecoder(file: file, limits: limits)
        guard let root else { throw GraphFileError.emptyGraph(file: file) }
        let ecosystem = decoder.decodeEcosystem(root)
        if let error = decoder.limitError { throw error }
        for issue in ecosystem.validate() { decoder.report(issue) }
        guard decoder.diagnostics.isEmpty else { throw GraphFileError(decoder.diagnostics) }
        if listWarnings { for issue in ecosystem.warnings(staleBefore: staleBefore) { decoder.report(issue) } }
        return (ecosystem, decoder.diagnostics)
    }

    /// Decodes and validates, and says where each node and edge is written.
    static func decodeLocated(_ text: String, format: EcosystemFormat, file: String,
                              limits: InputLimits) throws(GraphFileError) -> (ecosystem: Ecosystem, locations: FactLocations) {
        if text.unicodeScalars.allSatisfy({ $0 == "\u{FEFF}" || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw GraphFileError.emptyGraph(file: file)
        }
        var decoder = EcosystemDecoder(file: file, limits: limits)
        guard let root = try DocumentNode.parse(text, format: format, file: file, limits: limits) else { throw GraphFileError.emptyGraph(file: file) }
        let ecosystem = decoder.decodeEcosystem(root)
        if let error = decoder.limitError { throw error }
        for issue in ecosystem.validate() { decoder.report(issue) }
        guard decoder.diagnostics.isEmpty else { throw GraphFileError(decoder.diagnostics) }
        let locations = FactLocations(file: file, nodes: ecosystem.nodes.indices.map { decoder.positions[.node($0)]?.start },
                                      edges: ecosystem.edges.indices.map { decoder.positions[.edge($0)]?.start })
        return (ecosystem, locations)
    }

    // MARK: Reporting

    private mutating func fail(_ position: FilePosition, _ message: String) {
        diagnostics.append(Diagnostic(file: file, position: position, message: message))
    }

    private mutating func report(_ issue: ValidationIssue) {
        let entry = positions[issue.subject]
        let position = issue.field.flatMap { entry?.fields[$0] } ?? entry?.start
        var message = issue.message
        if let related = issue.related, let first = positions[related]?.fields["id"] ?? positions[related]?.start {
            message += " (first defined at line \(first.line))"
        }
        diagnostics.append(Diagnostic(file: file, position: position, message: message))
    }

    /// Whether `text` is within `limit` (`idBytes` or `valueBytes`); records the limit's error if not.
    private mutating func within(_ limit: InputLimits.Limit, _ text: String, at position: FilePosition, _ what: @autoclosure () -> String) -> Bool {
        guard text.utf8.count > limits[limit] else { return true }
        if limitError == nil {
            let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
            limitError = limits.exceeded(limit, file: file, position: position, what: "\(what()) '\(shown)'")
        }
        return false
    }

    /// Whether a list of `items` is within the `nodes` or `edges` limit; records the limit's error at the first
    /// item past it if not.
    private mutating func within(_ limit: InputLimits.Limit, count items: [DocumentNode]) -> Bool {
        guard items.count > limits[limit] else { return true }
        if limitError == nil {
            limitError = limits.exceeded(limit, file: file, position: items[limits[limit]].position,
                                         what: "the number of \(limit == .nodes ? "nodes" : "edges")")
        }
        return false
    }

    // MARK: Typed access

    private mutating func mapping(_ node: DocumentNode, _ what: @autoclosure () -> String) -> [(key: String, keyPosition: FilePosition, value: DocumentNode)]? {
        if case .mapping(let pairs) = node.value { return pairs }
        fail(node.position, "\(what()) must be a mapping, found \(node.typeName)")
        return nil
    }

    private mutating func sequence(_ node: DocumentNode, _ what: @autoclosure () -> String) -> [DocumentNode]? {
        if case .sequence(let items) = node.value { return items }
        if node.isNull { return [] }
        fail(node.position, "\(what()) must be a list, found \(node.typeName)")
        return nil
    }

    /// A string within `limit` (`valueBytes`, or `idBytes` for an id).
    private mutating func string(_ node: DocumentNode, _ what: @autoclosure () -> String, limit: InputLimits.Limit = .valueBytes) -> String? {
        if case .scalar(let text, _) = node.value, !node.isNull {
            return within(limit, text, at: node.position, what()) ? text : nil
        }
        fail(node.position, "\(what()) must be a string, found \(node.typeName)")
        return nil
    }

    private mutating func number(_ node: DocumentNode, _ what: @autoclosure () -> String) -> Double? {
        if case .scalar(let text, _) = node.value, let value = DocumentNode.number(text) { return value }
        fail(node.position, "\(what()) must be a number, found \(node.typeName)")
        return nil
    }

    /// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, existing in the calendar.
    private mutating func date(_ node: DocumentNode, _ what: @autoclosure () -> String) -> EcoDate? {
        if case .scalar(let text, _) = node.value, !node.isNull {
            if let date = EcoDate(text) { return date }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            fail(node.position, "\(what()) '\(shown)' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)")
            return nil
        }
        fail(node.position, "\(what()) must be a date (YYYY, YYYY-MM or YYYY-MM-DD), found \(node.typeName)")
        return nil
    }

    /// A reference's publication date: a date, or a series `FIRST / LAST` (`2023-10 / 2025-05`; years also
    /// as `2023-2025`).
    private mutating func publicationDate(_ node: DocumentNode, _ what: @autoclosure () -> String) -> (EcoDate?, EcoDate?) {
        if case .scalar(let text, _) = node.value, !node.isNull {
            let parts = text.contains("/") ? text.split(separator: "/", omittingEmptySubsequences: false)
                : text.count == 9 && text.dropFirst(4).first == "-" ? [text.prefix(4), text.suffix(4)] : [Substring(text)]
            let dates = parts.map { EcoDate(String($0.trimmingCharacters(in: .whitespaces))) }
            if parts.count <= 2, dates.allSatisfy({ $0 != nil }) { return (dates[0], dates.count == 2 ? dates[1] : nil) }
        }
        return (date(node, what() + " (a date, or FIRST / LAST for a series)"), nil)
    }

    private mutating func bool(_ node: DocumentNode, _ what: @autoclosure () -> String) -> Bool? {
        if case .scalar(let text, true) = node.value, let value = DocumentNode.bool(text) { return value }
        fail(node.position, "\(what()) must be true or false, found \(node.typeName)")
        return nil
    }

    /// A list of strings, or a single string standing for a list of one.
    private mutating func strings(_ node: DocumentNode, _ what: @autoclosure () -> String, positions: inout [String: FilePosition], field: String,
                                  limit: InputLimits.Limit = .idBytes) -> [String] {
        if case .scalar = node.value, !node.isNull {
            positions["\(field)[0]"] = node.position
            return string(node, what(), limit: limit).map { [$0] } ?? []
        }
        guard let items = sequence(node, what()) else { return [] }
        var result: [String] = []
        for (k, item) in items.enumerated() {
            positions["\(field)[\(k)]"] = item.position
            if let text = string(item, "each item of \(what())", limit: limit) { result.append(text) }
        }
        return result
    }

    private mutating func attributeValue(_ node: DocumentNode, _ what: @autoclosure () -> String) -> AttributeValue? {
        switch node.value {
        case .scalar(let text, let plain):
            if plain, let flag = DocumentNode.bool(text) { return .bool(flag) }
            if plain, let value = DocumentNode.number(text) { return .number(value) }
            if node.isNull { fail(node.position, "\(what()) must not be null"); return nil }
            guard within(.valueBytes, text, at: node.position, what()) else { return nil }
            return .string(text)
        case .sequence(let items):
            var list: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.value, !item.isNull else {
                    fail(item.position, "\(what()) may hold only strings, found \(item.typeName)")
                    return nil
                }
                guard within(.valueBytes, text, at: item.position, "each item of \(what())") else { return nil }
                list.append(text)
            }
            return .list(list)
        case .mapping:
            fail(node.position, "\(what()) must be a string, number, bool or list of strings, found a mapping")
            return nil
        }
    }

    private mutating func rejectUnknown(_ key: String, at position: FilePosition, in what: @autoclosure () -> String, allowed: [String]) {
        fail(position, "unknown key '\(key)' in \(what()) (expected one of: \(allowed.joined(separator: ", ")))")
    }

    // MARK: Structure

    private mutating func decodeEcosystem(_ root: DocumentNode) -> Ecosystem {
        var ecosystem = Ecosystem()
        guard let pairs = mapping(root, "the document") else { return ecosystem }
        let allowed = ["ecograph", "name", "description", "references", "kinds", "nodes", "edges"]
        var sawNodes = false
        for (key, keyPosition, value) in pairs {
            switch key {
            case "ecograph":
                if let version = number(value, "`ecograph` (the format version)"), version != 1 {
                    fail(value.position, "unsupported format version \(version); this reader knows version 1")
                }
            case "name": ecosystem.name = string(value, "`name`") ?? ""
            case "description": ecosystem.description = string(value, "`description`") ?? ""
            case "references": ecosystem.references = decodeReferences(value)
            case "kinds": decodeKinds(value, into: &ecosystem)
            case "nodes":
                sawNodes = true
                let items = sequence(value, "`nodes`") ?? []
                guard within(.nodes, count: items) else { continue }
                for item in items {
                    if let node = decodeNode(item, index: ecosystem.nodes.count) { ecosystem.nodes.append(node) }
                }
            case "edges":
                let items = sequence(value, "`edges`") ?? []
                guard within(.edges, count: items) else { continue }
                for item in items {
                    if let edge = decodeEdge(item, index: ecosystem.edges.count) { ecosystem.edges.append(edge) }
                }
            default: rejectUnknown(key, at: keyPosition, in: "the document", allowed: allowed)
            }
        }
        if !sawNodes { fail(root.position, "the document has no `nodes` list") }
        return ecosystem
    }

    private mutating func decodeReferences(_ node: DocumentNode) -> [SourceReference] {
        guard let pairs = mapping(node, "`references`") else { return [] }
        var references: [SourceReference] = []
        for (key, keyPosition, value) in pairs {
            guard within(.idBytes, key, at: keyPosition, "reference id") else { continue }
            let subject = ValidationSubject.reference(references.count)
            positions[subject] = (keyPosition, [:])
            if case .scalar = value.value {
                if let title = string(value, "reference '\(key)'") { references.append(SourceReference(id: key, title: title)) }
                continue
            }
            guard let fields = mapping(value, "reference '\(key)'") else { continue }
            var reference = SourceReference(id: key, title: "")
            var hasTitle = false
            for (field, fieldPosition, fieldValue) in fields {
                func what() -> String { "`\(field)` of reference '\(key)'" }
                switch field {
                case "title": reference.title = string(fieldValue, what()) ?? ""; hasTitle = true
                case "publisher": reference.publisher = string(fieldValue, what())
                case "date":
                    (reference.date, reference.dateEnd) = publicationDate(fieldValue, what())
                    positions[subject]?.fields["date"] = fieldValue.position
                case "retrieved": reference.retrieved = date(fieldValue, what()); positions[subject]?.fields["retrieved"] = fieldValue.position
                case "url": reference.url = string(fieldValue, what())
                default: rejectUnknown(field, at: fieldPosition, in: "reference '\(key)'", allowed: ["title", "publisher", "date", "retrieved", "url"])
                }
            }
            if !hasTitle { fail(value.position, "reference '\(key)' has no `title`") }
            references.append(reference)
        }
        return references
    }

    private mutating func decodeKinds(_ node: DocumentNode, into ecosystem: inout Ecosystem) {
        guard let pairs = mapping(node, "`kinds`") else { return }
        for (key, keyPosition, value) in pairs {
            switch key {
            case "nodes":
                for (id, idPosition, spec) in mapping(value, "`kinds.nodes`") ?? [] {
                    guard within(.idBytes, id, at: idPosition, "node kind") else { continue }
                    positions[.declaredNodeKind(ecosystem.declaredNodeKinds.count)] = (idPosition, [:])
                    if let kind = decodeNodeKind(id, spec) { ecosystem.declaredNodeKinds.append(kind) }
                }
            case "edges":
                for (id, idPosition, spec) in mapping(value, "`kinds.edges`") ?? [] {
                    guard within(.idBytes, id, at: idPosition, "edge kind") else { continue }
                    if let kind = decodeEdgeKind(id, spec, index: ecosystem.declaredEdgeKinds.count, idPosition: idPosition) {
                        ecosystem.declaredEdgeKinds.append(kind)
                    }
                }
            default: rejectUnknown(key, at: keyPosition, in: "`kinds`", allowed: ["nodes", "edges"])
            }
        }
    }

    /// A declared node kind: its description, or a mapping with `description` and `role` (entity,
    /// jurisdiction or item; default entity).
    private mutating func decodeNodeKind(_ id: String, _ node: DocumentNode) -> NodeKind? {
        if case .scalar = node.value {
            return NodeKind(id, string(node, "the description of node kind '\(id)'") ?? "")
        }
        guard let pairs = mapping(node, "node kind '\(id)'") else { return nil }
        var kind = NodeKind(id, "")
        for (field, fieldPosition, value) in pairs {
            func what() -> String { "`\(field)` of node kind '\(id)'" }
            switch field {
            case "description": kind.description = string(value, what()) ?? ""
            case "role":
                guard let name = string(value, what()) else { continue }
                guard let role = NodeRole(rawValue: name) else {
                    fail(value.position, "node kind '\(id)' has unknown role '\(name)' (expected \(NodeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                kind.role = role
            default: rejectUnknown(field, at: fieldPosition, in: "node kind '\(id)'", allowed: ["description", "role"])
            }
        }
        return kind
    }

    private mutating func decodeEdgeKind(_ id: String, _ node: DocumentNode, index: Int, idPosition: FilePosition) -> EdgeKind? {
        guard let pairs = mapping(node, "edge kind '\(id)'") else { return nil }
        var fieldPositions: [String: FilePosition] = [:]
        var description = "", from: [String]?, to: [String]?, role: String?, dependent: String?, restricts: String?
        var conveysHome = false
        var rolePosition = node.position
        for (field, fieldPosition, value) in pairs {
            func what() -> String { "`\(field)` of edge kind '\(id)'" }
            fieldPositions[field] = value.position
            switch field {
            case "description": description = string(value, what()) ?? ""
            case "from": from = strings(value, what(), positions: &fieldPositions, field: field)
            case "to": to = strings(value, what(), positions: &fieldPositions, field: field)
            case "role": role = string(value, what(), limit: .idBytes); rolePosition = value.position
            case "dependent": dependent = string(value, what(), limit: .idBytes)
            case "restricts": restricts = string(value, what(), limit: .idBytes)
            case "conveys_home": conveysHome = bool(value, what()) ?? false
            default:
                rejectUnknown(field, at: fieldPosition, in: "edge kind '\(id)'",
                              allowed: ["description", "from", "to", "role", "dependent", "restricts", "conveys_home"])
            }
        }
        positions[.declaredEdgeKind(index)] = (idPosition, fieldPositions)
        let edgeRole: EdgeRole
        switch role {
        case "dependency":
            guard let dependent, let end = DependentEnd(rawValue: dependent) else {
                fail(fieldPositions["dependent"] ?? node.position, "dependency edge kind '\(id)' needs `dependent: source` or `dependent: target`")
                return nil
            }
            edgeRole = .dependency(dependent: end)
        case "restriction", "influence":
            if dependent != nil { fail(fieldPositions["dependent"] ?? node.position, "`dependent` is only for dependency edge kinds, and '\(id)' is \(role!)") }
            if role == "restriction" {
                let effect = restricts.map { RestrictionEffect(rawValue: $0) } ?? .export
                guard let effect else {
                    fail(fieldPositions["restricts"] ?? node.position,
                         "restriction edge kind '\(id)' has unknown `restricts` '\(restricts!)' (expected \(RestrictionEffect.allCases.map(\.rawValue).joined(separator: " or ")))")
                    return nil
                }
                edgeRole = .restriction(effect)
            } else {
                edgeRole = .influence
            }
        case nil:
            fail(node.position, "edge kind '\(id)' has no `role` (dependency, restriction or influence)")
            return nil
        default:
            fail(rolePosition, "edge kind '\(id)' has unknown role '\(role!)' (expected dependency, restriction or influence)")
            return nil
        }
        if restricts != nil, edgeRole.name != "restriction" {
            fail(fieldPositions["restricts"] ?? node.position, "`restricts` is only for restriction edge kinds, and '\(id)' is \(edgeRole.name)")
        }
        if conveysHome, edgeRole.name != "dependency" {
            fail(fieldPositions["conveys_home"] ?? node.position, "`conveys_home` is only for dependency edge kinds, and '\(id)' is \(edgeRole.name)")
        }
        return EdgeKind(id, description, from: KindConstraint(names: from ?? ["*"]), to: KindConstraint(names: to ?? ["*"]),
                        role: edgeRole, conveysHome: conveysHome)
    }

    private mutating func decodeNode(_ item: DocumentNode, index: Int) -> EcosystemNode? {
        guard let pairs = mapping(item, "each item of `nodes`") else { return nil }
        var fieldPositions: [String: FilePosition] = [:]
        var id: String?, label: String?, kind: String?
        var node = EcosystemNode(id: "", kind: "")
        for (field, fieldPosition, value) in pairs {
            fieldPositions[field] = value.position
            func what() -> String { "`\(field)` of node \(id.map { "'\($0)'" } ?? "at line \(item.position.line)")" }
            switch field {
            case "id": id = string(value, what(), limit: .idBytes)
            case "label": label = string(value, what())
            case "kind": kind = string(value, what(), limit: .idBytes)
            case "attributes": node.attributes = decodeAttributes(value, what(), positions: &fieldPositions)
            case "sources": node.sources = strings(value, what(), positions: &fieldPositions, field: field)
            case "inferred": node.inferred = bool(value, what()) ?? false
            case "confidence": node.confidence = number(value, what()) ?? 1
            case "since": node.lifetime.since = date(value, what())
            case "until": node.lifetime.until = date(value, what())
            case "note": node.note = string(value, what())
            default:
                rejectUnknown(field, at: fieldPosition, in: "a node",
                              allowed: ["id", "label", "kind", "attributes", "sources", "inferred", "confidence", "since", "until", "note"])
            }
        }
        positions[.node(index)] = (item.position, fieldPositions)
        guard let id else { fail(item.position, "a node has no `id`"); return nil }
        guard let kind else { fail(item.position, "node '\(id)' has no `kind`"); return nil }
        node.id = id
        node.label = label ?? id
        node.kind = kind
        return node
    }

    private mutating func decodeEdge(_ item: DocumentNode, index: Int) -> EcosystemEdge? {
        guard let pairs = mapping(item, "each item of `edges`") else { return nil }
        var fieldPositions: [String: FilePosition] = [:]
        var from: String?, to: String?, kind: String?
        var edge = EcosystemEdge(from: "", to: "", kind: "")
        for (field, fieldPosition, value) in pairs {
            fieldPositions[field] = value.position
            func what() -> String { "`\(field)` of the edge at line \(item.position.line)" }
            switch field {
            case "id": edge.id = string(value, what(), limit: .idBytes)
            case "from": from = string(value, what(), limit: .idBytes)
            case "to": to = string(value, what(), limit: .idBytes)
            case "kind": kind = string(value, what(), limit: .idBytes)
            case "weight": edge.weight = number(value, what()) ?? 1
            case "confidence": edge.confidence = number(value, what()) ?? 1
            case "alternatives": edge.alternatives = string(value, what(), limit: .idBytes)
            case "targets": edge.targets = strings(value, what(), positions: &fieldPositions, field: field)
            case "attributes": edge.attributes = decodeAttributes(value, what(), positions: &fieldPositions)
            case "sources": edge.sources = strings(value, what(), positions: &fieldPositions, field: field)
            case "inferred": edge.inferred = bool(value, what()) ?? false
            case "since": edge.lifetime.since = date(value, what())
            case "until": edge.lifetime.until = date(value, what())
            case "scope": edge.scope = string(value, what(), limit: .idBytes)
            case "lifted": edge.lifted = date(value, what())
            case "note": edge.note = string(value, what())
            default:
                rejectUnknown(field, at: fieldPosition, in: "an edge", allowed: [
                    "id", "from", "to", "kind", "weight", "confidence", "alternatives", "targets", "attributes",
                    "sources", "inferred", "since", "until", "scope", "lifted", "note",
                ])
            }
        }
        positions[.edge(index)] = (item.position, fieldPositions)
        let name = edge.id.map { "edge '\($0)'" } ?? "the edge at line \(item.position.line)"
        guard let from else { fail(item.position, "\(name) has no `from`"); return nil }
        guard let to else { fail(item.position, "\(name) has no `to`"); return nil }
        guard let kind else { fail(item.position, "\(name) (\(from) -> \(to)) has no `kind`"); return nil }
        edge.from = from
        edge.to = to
        edge.kind = kind
        return edge
    }

    private mutating func decodeAttributes(_ node: DocumentNode, _ what: @autoclosure () -> String, positions: inout [String: FilePosition]) -> [String: AttributeValue] {
        var attributes: [String: AttributeValue] = [:]
        for (key, keyPosition, value) in mapping(node, what()) ?? [] {
            guard within(.idBytes, key, at: keyPosition, "attribute name") else { continue }
            positions["attributes.\(key)"] = value.position
            if attributes[key] != nil { fail(keyPosition, "duplicate attribute '\(key)'") }
            if let parsed = attributeValue(value, "attribute '\(key)'") { attributes[key] = parsed }
        }
        return attributes
    }
}
