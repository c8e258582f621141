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
            if let first = reference.date, let last = reference.dateEnd, last.lastDay < first.firstDay {
                issues.append(.init(.reference(i), field: "date", "reference '\(reference.id)': the series ends (\(last)) before it begins (\(first))"))
            }
            if let published = reference.date, let retrieved = reference.retrieved, retrieved.lastDay < published.firstDay {
                issues.append(.init(.reference(i), field: "retrieved",
                    "reference '\(reference.id)': retrieved \(retrieved), before it was published (\(published))"))
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

        func checkSources(_ sources: [String], _ subject: ValidationSubject, _ owner: @autoclosure () -> String) {
            for (k, source) in sources.enumerated() where !Ecosystem.isWellFormedSource(source, referenceKeys: referenceKeys) {
                issues.append(.init(subject, field: "sources[\(k)]",
                    "\(owner()): source '\(source)' is neither seed:L<line>, an http(s) URL, nor a key of `references`"))
            }
        }
        func checkLifetime(_ lifetime: Lifetime, _ subject: ValidationSubject, _ owner: @autoclosure () -> String) {
            if let since = lifetime.since, let until = lifetime.until, until.firstDay <= since.firstDay {
                issues.append(.init(subject, field: "until", "\(owner()): until \(until) is not after since \(since) (until is exclusive)"))
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
            if !(node.confidence >= 0 && node.confidence <= 1) {
                issues.append(.init(.node(i), field: "confidence", "node '\(node.id)': confidence \(node.confidence) is outside [0, 1]"))
            }
            checkLifetime(node.lifetime, .node(i), "node '\(node.id)'")
            checkSources(node.sources, .node(i), "node '\(node.id)'")
            // YAML readers drop a byte order mark that begins a string, so a file could not hold one.
            let texts: [(String, String)] = [("label", node.label), ("note", node.note ?? "")]
                + node.attributes.sorted { $0.key < $1.key }.flatMap { key, value in value.strings.map { ("attributes.\(key)", $0) } }
            for (field, text) in texts where text.unicodeScalars.first == "\u{FEFF}" {
                issues.append(.init(.node(i), field: field,
                    "node '\(node.id)': \(field) begins with a byte order mark (U+FEFF), which YAML readers drop; remove it"))
            }
        }

        /// An edge's own dates against its ends' lifetimes; a restriction's lifting and scope; and the release
        /// order of an undated dependency.
        func checkDates(of edge: EcosystemEdge, _ subject: ValidationSubject, _ name: @autoclosure () -> String, kind: EdgeKind?) {
            let ends = [edge.from, edge.to].compactMap { id in nodeIndex[id].map { (id, nodes[$0].lifetime) } }
            for (end, life) in ends {
                if let since = edge.lifetime.since {
                    if let nodeSince = life.since, since.firstDay < nodeSince.firstDay {
                        issues.append(.init(subject, field: "since", "\(name()): since \(since) is before '\(end)' exists (since \(nodeSince))"))
                    } else if let nodeUntil = life.until, since.firstDay >= nodeUntil.firstDay {
                        issues.append(.init(subject, field: "since", "\(name()): since \(since) is after '\(end)' ends (until \(nodeUntil))"))
                    }
                }
                if let until = edge.lifetime.until {
                    if let nodeUntil = life.until, until.firstDay > nodeUntil.firstDay {
                        issues.append(.init(subject, field: "until", "\(name()): until \(until) is after '\(end)' ends (until \(nodeUntil))"))
                    } else if let nodeSince = life.since, until.firstDay <= nodeSince.firstDay {
                        issues.append(.init(subject, field: "until", "\(name()): until \(until) is before '\(end)' exists (since \(nodeSince))"))
                    }
                }
            }
            if let lifted = edge.lifted {
                if kind != nil, kind?.restriction == nil {
                    issues.append(.init(subject, field: "lifted", "\(name()): `lifted` is only for restriction edges, and '\(edge.kind)' is \(kind!.role.name)"))
                } else if let since = edge.lifetime.since, lifted.firstDay <= since.firstDay {
                    issues.append(.init(subject, field: "lifted", "\(name()): lifted \(lifted) is not after since \(since)"))
                } else if let until = edge.lifetime.until, lifted.firstDay >= until.firstDay {
                    issues.append(.init(subject, field: "lifted", "\(name()): lifted \(lifted) is not before until \(until)"))
                }
            }
            if let scope = edge.scope {
                if kind != nil, kind?.restriction == nil {
                    issues.append(.init(subject, field: "scope", "\(name()): `scope` is only for restriction edges, and '\(edge.kind)' is \(kind!.role.name)"))
                } else if !Ecosystem.isValidID(scope) {
                    issues.append(.init(subject, field: "scope", "\(name()): scope '\(scope)' is empty or holds whitespace, a control character or a comma"))
                }
            }
            // An undated dependency holds from the dependent's start: a model released in 2023 cannot be built
            // on a chip released in 2025. A dependency taken up later gives the edge its own `since`.
            if edge.lifetime.since == nil, let dependentEnd = kind?.dependent,
               let from = nodeIndex[edge.from], let to = nodeIndex[edge.to] {
                let (dependent, dependency) = dependentEnd == .source ? (nodes[from], nodes[to]) : (nodes[to], nodes[from])
                if let released = dependent.lifetime.since, let provided = dependency.lifetime.since, provided.firstDay > released.lastDay {
                    issues.append(.init(subject, field: nil,
                        "\(name()): '\(dependent.id)' (since \(released)) depends on '\(dependency.id)', which comes later (since \(provided)); give the edge its own `since` if the dependency was taken up later"))
                }
            }
        }

        for (i, edge) in edges.enumerated() {
            // Worded only when a problem is found: a large file has hundreds of thousands of edges.
            func name() -> String { edge.id.map { "edge '\($0)'" } ?? "edge '\(edge.from)' -> '\(edge.to)'" }
            let kind = schema.edgeKind(edge.kind)
            if kind == nil {
                issues.append(.init(.edge(i), field: "kind", "\(name()) has unknown kind '\(edge.kind)'"))
            }
            for (field, end) in [("from", edge.from), ("to", edge.to)] {
                guard let index = nodeIndex[end] else {
                    issues.append(.init(.edge(i), field: field, "\(name()) refers to unknown node id '\(end)'"))
                    continue
                }
                let endKind = nodes[index].kind
                if let kind, !(field == "from" ? kind.from : kind.to).allows(endKind) {
                    issues.append(.init(.edge(i), field: field,
                        "\(name()): kind '\(kind.id)' may not \(field == "from" ? "start at" : "end at") '\(end)' of kind '\(endKind)' (allowed: \((field == "from" ? kind.from : kind.to).names.joined(separator: ", ")))"))
                }
            }
            if !(edge.weight.isFinite && edge.weight > 0) {
                issues.append(.init(.edge(i), field: "weight", "\(name()): weight \(edge.weight) is not a finite number > 0"))
            }
            if !(edge.confidence >= 0 && edge.confidence <= 1) {
                issues.append(.init(.edge(i), field: "confidence", "\(name()): confidence \(edge.confidence) is outside [0, 1]"))
            }
            if let kind {
                if edge.alternatives != nil, kind.dependent == nil {
                    issues.append(.init(.edge(i), field: "alternatives", "\(name()): `alternatives` is only for dependency edges, and '\(kind.id)' is \(kind.role.name)"))
                }
                if !edge.targets.isEmpty, kind.restriction == nil {
                    issues.append(.init(.edge(i), field: "targets", "\(name()): `targets` is only for restriction edges, and '\(kind.id)' is \(kind.role.name)"))
                }
            }
            checkLifetime(edge.lifetime, .edge(i), name())
            checkDates(of: edge, .edge(i), name(), kind: kind)
            for (k, target) in edge.targets.enumerated() where !isPlace(target) {
                issues.append(.init(.edge(i), field: "targets[\(k)]", "\(name()): target '\(target)' is not the id of a jurisdiction node (a kind with role jurisdiction, as state and country)"))
            }
            checkSources(edge.sources, .edge(i), name())
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

extension Ecosystem {
    /// What a curator should look at though the file is valid: restrictions without a `scope`, or with one
    /// not in `RestrictionScope.known`; and, with `staleBefore`, facts whose newest dated source (a reference
    /// with a `date`) was published before that day.
    ///
    /// - Complexity: `O(n + m + s)` for `s` citations.
    public func warnings(staleBefore: EcoDate? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let schema = self.schema
        let published = Dictionary(references.compactMap { r in r.latestDate.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
        func checkAge(_ sources: [String], _ subject: ValidationSubject, _ owner: String) {
            guard let staleBefore, let newest = sources.compactMap({ published[$0] }).max(), newest.lastDay < staleBefore.firstDay else { return }
            issues.append(.init(subject, field: "sources", "\(owner): newest dated source is from \(newest), before \(staleBefore)"))
        }
        for (i, node) in nodes.enumerated() { checkAge(node.sources, .node(i), "node '\(node.id)'") }
        for (i, edge) in edges.enumerated() {
            let name = edge.id.map { "edge '\($0)'" } ?? "edge '\(edge.from)' -> '\(edge.to)'"
            if schema.edgeKind(edge.kind)?.restriction != nil {
                if let scope = edge.scope {
                    if !RestrictionScope.known.contains(scope) {
                        issues.append(.init(.edge(i), field: "scope",
                            "\(name): scope '\(scope)' is none of \(RestrictionScope.known.joined(separator: ", "))"))
                    }
                } else {
                    issues.append(.init(.edge(i), field: nil,
                        "\(name): restriction without a `scope` (\(RestrictionScope.known.joined(separator: ", ")))"))
                }
            }
            checkAge(edge.sources, .edge(i), name)
        }
        return issues
    }
}
