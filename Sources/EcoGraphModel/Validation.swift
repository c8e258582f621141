/// What part of an ecosystem a validation issue is about.
public enum ValidationSubject: Sendable, Hashable {
    /// The node at an index of `Ecosystem.nodes`.
    case node(Int)
    /// The edge at an index of `Ecosystem.edges`.
    case edge(Int)
    /// The reference at an index of `Ecosystem.references`.
    case reference(Int)
    /// The declared node kind at an index of `Ecosystem.declaredNodeKinds`.
    case declaredNodeKind(Int)
    /// The declared edge kind at an index of `Ecosystem.declaredEdgeKinds`.
    case declaredEdgeKind(Int)
}

/// One problem in an ecosystem. `field` names the offending field (`id`, `kind`, `to`, `sources[1]`,
/// `attributes.country`, ...) so that a loader can point at its line and column; `related` names another
/// subject the problem involves (the first holder of a duplicated id).
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// What the problem is about.
    public var subject: ValidationSubject
    /// The offending field, if one is to blame.
    public var field: String?
    /// The problem, naming the id.
    public var message: String
    /// Another subject involved (the first holder of a duplicated id).
    public var related: ValidationSubject?

    /// An issue about a subject.
    public init(_ subject: ValidationSubject, field: String?, _ message: String, related: ValidationSubject? = nil) {
        self.subject = subject
        self.field = field
        self.message = message
        self.related = related
    }

    /// The message.
    public var description: String { message }
}

extension Ecosystem {
    /// Whether a string may be a node or edge id: non-empty, without whitespace, control characters or
    /// commas (commas separate ids on the command line).
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || $0 == "," }
    }

    /// Every problem of the ecosystem, in order of subject: duplicate or malformed ids, unknown kinds,
    /// edges to unknown ids or between kinds their kind may not join, weights or confidences out of range,
    /// misplaced `alternatives` / `targets`, unknown sources, and `country` attributes that name no state
    /// or country.
    ///
    /// - Complexity: `O(n + m)` expected time.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let schema = self.schema
        let referenceKeys = Set(references.map(\.id))

        for (i, kind) in declaredNodeKinds.enumerated() where Schema.builtIn.nodeKind(kind.id) != nil
            || declaredNodeKinds[..<i].contains(where: { $0.id == kind.id }) {
            issues.append(.init(.declaredNodeKind(i), field: nil, "node kind '\(kind.id)' is declared twice or is built in"))
        }
        for (i, kind) in declaredEdgeKinds.enumerated() {
            if Schema.builtIn.edgeKind(kind.id) != nil || declaredEdgeKinds[..<i].contains(where: { $0.id == kind.id }) {
                issues.append(.init(.declaredEdgeKind(i), field: nil, "edge kind '\(kind.id)' is declared twice or is built in"))
            }
            for (field, constraint) in [("from", kind.from), ("to", kind.to)] {
                for name in constraint.names where name != "*" && schema.nodeKind(name) == nil {
                    issues.append(.init(.declaredEdgeKind(i), field: field, "edge kind '\(kind.id)' names unknown node kind '\(name)'"))
                }
            }
        }
        var referenceSeen: [String: Int] = [:]
        for (i, reference) in references.enumerated() {
            if let first = referenceSeen[reference.id] {
                issues.append(.init(.reference(i), field: nil, "duplicate reference key '\(reference.id)'", related: .reference(first)))
            } else {
                referenceSeen[reference.id] = i
            }
        }

        // Ids: nodes and edges share one namespace.
        var idOwner: [String: ValidationSubject] = [:]
        func claim(_ id: String, _ subject: ValidationSubject, _ what: String) {
            if !Ecosystem.isValidID(id) {
                issues.append(.init(subject, field: "id", "\(what) id '\(id)' is empty or holds whitespace, a control character or a comma"))
            }
            if let first = idOwner[id] {
                issues.append(.init(subject, field: "id", "duplicate id '\(id)'", related: first))
            } else {
                idOwner[id] = subject
            }
        }
        var nodeIndex: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            claim(node.id, .node(i), "node")
            if nodeIndex[node.id] == nil { nodeIndex[node.id] = i }
        }
        for (i, edge) in edges.enumerated() {
            if let id = edge.id { claim(id, .edge(i), "edge") }
        }

        func checkSources(_ sources: [String], _ subject: ValidationSubject, _ owner: String) {
            for (k, source) in sources.enumerated() where !Ecosystem.isWellFormedSource(source, referenceKeys: referenceKeys) {
                issues.append(.init(subject, field: "sources[\(k)]",
                    "\(owner): source '\(source)' is neither seed:L<line>, an http(s) URL, nor a key of `references`"))
            }
        }
        func isPlace(_ id: String) -> Bool {
            guard let index = nodeIndex[id] else { return false }
            return schema.nodeKind(nodes[index].kind)?.role == .jurisdiction
        }

        for (i, node) in nodes.enumerated() {
            if schema.nodeKind(node.kind) == nil {
                issues.append(.init(.node(i), field: "kind", "node '\(node.id)' has unknown kind '\(node.kind)'"))
            }
            if let country = node.attributes[NodeAttribute.home] {
                let ids = country.strings
                if ids.isEmpty || !ids.allSatisfy(isPlace) {
                    issues.append(.init(.node(i), field: "attributes.country",
                        "node '\(node.id)': attribute country '\(country)' is not the id of a jurisdiction node (a kind with role jurisdiction, as state and country)"))
                }
            }
            if let group = node.attributes[NodeAttribute.group], group.strings.isEmpty {
                issues.append(.init(.node(i), field: "attributes.group", "node '\(node.id)': attribute group must be a string or a list of strings"))
            }
            checkSources(node.sources, .node(i), "node '\(node.id)'")
            // YAML readers drop a byte order mark that begins a string, so a file could not hold one.
            let texts: [(String, String)] = [("label", node.label), ("note", node.note ?? "")]
                + node.attributes.sorted { $0.key < $1.key }.flatMap { key, value in value.strings.map { ("attributes.\(key)", $0) } }
            for (field, text) in texts where text.unicodeScalars.first == "\u{FEFF}" {
                issues.append(.init(.node(i), field: field,
                    "node '\(node.id)': \(field) begins with a byte order mark (U+FEFF), which YAML readers drop; remove it"))
            }
        }

        for (i, edge) in edges.enumerated() {
            let name = edge.id.map { "edge '\($0)'" } ?? "edge '\(edge.from)' -> '\(edge.to)'"
            let kind = schema.edgeKind(edge.kind)
            if kind == nil {
                issues.append(.init(.edge(i), field: "kind", "\(name) has unknown kind '\(edge.kind)'"))
            }
            for (field, end) in [("from", edge.from), ("to", edge.to)] {
                guard let index = nodeIndex[end] else {
                    issues.append(.init(.edge(i), field: field, "\(name) refers to unknown node id '\(end)'"))
                    continue
                }
                let endKind = nodes[index].kind
                if let kind, !(field == "from" ? kind.from : kind.to).allows(endKind) {
                    issues.append(.init(.edge(i), field: field,
                        "\(name): kind '\(kind.id)' may not \(field == "from" ? "start at" : "end at") '\(end)' of kind '\(endKind)' (allowed: \((field == "from" ? kind.from : kind.to).names.joined(separator: ", ")))"))
                }
            }
            if !(edge.weight.isFinite && edge.weight > 0) {
                issues.append(.init(.edge(i), field: "weight", "\(name): weight \(edge.weight) is not a finite number > 0"))
            }
            if !(edge.confidence >= 0 && edge.confidence <= 1) {
                issues.append(.init(.edge(i), field: "confidence", "\(name): confidence \(edge.confidence) is outside [0, 1]"))
            }
            if let kind {
                if edge.alternatives != nil, kind.dependent == nil {
                    issues.append(.init(.edge(i), field: "alternatives", "\(name): `alternatives` is only for dependency edges, and '\(kind.id)' is \(kind.role.name)"))
                }
                if !edge.targets.isEmpty, kind.restriction == nil {
                    issues.append(.init(.edge(i), field: "targets", "\(name): `targets` is only for restriction edges, and '\(kind.id)' is \(kind.role.name)"))
                }
            }
            for (k, target) in edge.targets.enumerated() where !isPlace(target) {
                issues.append(.init(.edge(i), field: "targets[\(k)]", "\(name): target '\(target)' is not the id of a jurisdiction node (a kind with role jurisdiction, as state and country)"))
            }
            checkSources(edge.sources, .edge(i), name)
        }
        return issues
    }

    /// Whether a source citation is well formed: `seed:L<n>` (or `seed:L<n>-L<m>`), an http(s) URL, or a
    /// key of the ecosystem's references.
    public static func isWellFormedSource(_ source: String, referenceKeys: Set<String>) -> Bool {
        if referenceKeys.contains(source) { return true }
        if source.hasPrefix("https://") || source.hasPrefix("http://") {
            return source.count > 8 && !source.contains(where: \.isWhitespace)
        }
        guard source.hasPrefix("seed:L") else { return false }
        let lines = source.dropFirst("seed:".count).split(separator: "-", omittingEmptySubsequences: false)
        return (1 ... 2).contains(lines.count) && lines.allSatisfy { line in
            line.first == "L" && Int(line.dropFirst()).map { $0 >= 1 } == true
        }
    }
}
