/// Builds an `Ecosystem` in code, one node and one edge at a time, then validates it.
///
/// Kinds are values, not strings: the built-in ones are static constants (`NodeKind.company`,
/// `EdgeKind.develops`, ...), so a misspelt kind does not compile. A kind of your own is a `NodeKind` or
/// `EdgeKind` value; passing it to ``node(_:kind:label:attributes:sources:inferred:confidence:since:until:note:file:line:)`` or
/// ``edge(_:_:_:id:weight:confidence:alternatives:targets:attributes:sources:inferred:since:until:scope:lifted:note:file:line:)``
/// declares it. ``build()`` runs `Ecosystem.validate()` and reports **every** problem, each at the line of
/// code that added the offending node or edge (`File.swift:12: message`, as the CLI reports a file's).
///
/// ```swift
/// var b = EcosystemBuilder(name: "A small AI ecosystem")
/// b.node("alibaba", kind: .company, label: "Alibaba Group")
/// b.node("qwen3", kind: .model, label: "Qwen 3", attributes: ["openness": "open-weights", "year": 2025])
/// b.node("kenya", kind: .country, label: "Kenya", attributes: ["group": ["global-south"]])
/// b.edge("alibaba", "qwen3", .develops)
/// b.edge("kenya", "qwen3", .adopts, alternatives: "kenya-open-model")
/// let ecosystem = try b.build()
/// ```
///
/// - Complexity: adding a node or an edge is amortised `O(1)`; ``build()`` is `O(n + m)`.
public struct EcosystemBuilder: Sendable {
    /// The ecosystem as built so far, not validated: ``build()`` validates it.
    public private(set) var ecosystem: Ecosystem

    /// Where each node, edge, reference and declared kind was added, for messages.
    private var nodeOrigins: [Diagnostic] = []
    private var edgeOrigins: [Diagnostic] = []
    private var referenceOrigins: [Diagnostic] = []
    private var nodeKindOrigins: [Diagnostic] = []
    private var edgeKindOrigins: [Diagnostic] = []

    /// An empty ecosystem with a name and a description.
    public init(name: String = "", description: String = "") {
        ecosystem = Ecosystem(name: name, description: description)
    }

    /// Adds a node and returns its id (to pass to ``edge(_:_:_:id:weight:confidence:alternatives:targets:attributes:sources:inferred:since:until:scope:lifted:note:file:line:)``).
    ///
    /// - Parameters:
    ///   - id: unique among node and edge ids; no whitespace, control characters or commas.
    ///   - kind: a built-in kind (`.company`, `.model`, `.state`, `.institute`, `.country`, `.initiative`,
    ///     `.technology`) or one of your own, which this declares.
    ///   - label: the display name; default the id.
    ///   - attributes: free attributes; `country` names a state or country node, `group` the groups a
    ///     consumer selection can pick (`["global-south"]`).
    ///   - sources: citations: `seed:L<n>`, an http(s) URL, or a key added with ``reference(_:title:publisher:date:retrieved:url:file:line:)``.
    ///   - inferred: whether the node is inferred rather than stated by a source.
    ///   - confidence: confidence that the node exists as described, in [0, 1].
    ///   - since: the first day it exists (a release), or `nil` for always.
    ///   - until: the first day it no longer exists, or `nil` for still.
    ///   - note: free text.
    ///   - file: where the node is added, for messages (default: the caller's file).
    ///   - line: the line it is added on (default: the caller's line).
    @discardableResult
    public mutating func node(
        _ id: String, kind: NodeKind, label: String? = nil, attributes: [String: AttributeValue] = [:],
        sources: [String] = [], inferred: Bool = false, confidence: Double = 1, since: EcoDate? = nil, until: EcoDate? = nil,
        note: String? = nil, file: String = #fileID, line: Int = #line
    ) -> String {
        declareIfNeeded(kind, file: file, line: line)
        ecosystem.nodes.append(EcosystemNode(id: id, label: label, kind: kind.id, attributes: attributes, sources: sources,
                                             inferred: inferred, confidence: confidence, lifetime: Lifetime(since: since, until: until), note: note))
        nodeOrigins.append(Self.origin(file, line))
        return id
    }

    /// Adds an edge `from -> to` of a kind, in the direction the kind reads (`alibaba develops qwen3`).
    ///
    /// - Parameters:
    ///   - from: the source node's id.
    ///   - to: the target node's id.
    ///   - kind: a built-in kind (`.develops`, `.buildsOn`, `.adopts`, `.exportControls`, ...) or one of
    ///     your own, which this declares.
    ///   - id: optional; give one to every restriction edge, so that a `Scenario` can apply it.
    ///   - weight: strength of the tie, finite and > 0.
    ///   - confidence: confidence in the fact, in [0, 1].
    ///   - alternatives: dependency edges only: edges with the same dependent and the same name form one
    ///     OR-group (any one member suffices).
    ///   - targets: restriction edges only: the states or countries whose entities lose access.
    ///   - attributes: free attributes.
    ///   - sources: citations, as for nodes.
    ///   - inferred: whether the edge is inferred rather than stated by a source.
    ///   - since: the first day the relation holds, or `nil` for whenever both ends exist.
    ///   - until: the first day it no longer holds, or `nil` for still.
    ///   - scope: restriction edges only: what it covers (`RestrictionScope`).
    ///   - lifted: restriction edges only: the day it was lifted.
    ///   - note: free text.
    ///   - file: where the edge is added, for messages (default: the caller's file).
    ///   - line: the line it is added on (default: the caller's line).
    public mutating func edge(
        _ from: String, _ to: String, _ kind: EdgeKind, id: String? = nil, weight: Double = 1, confidence: Double = 1,
        alternatives: String? = nil, targets: [String] = [], attributes: [String: AttributeValue] = [:],
        sources: [String] = [], inferred: Bool = false, since: EcoDate? = nil, until: EcoDate? = nil, scope: String? = nil,
        lifted: EcoDate? = nil, note: String? = nil, file: String = #fileID, line: Int = #line
    ) {
        declareIfNeeded(kind, file: file, line: line)
        ecosystem.edges.append(EcosystemEdge(
            id: id, from: from, to: to, kind: kind.id, weight: weight, confidence: confidence, alternatives: alternatives,
            targets: targets, attributes: attributes, sources: sources, inferred: inferred, lifetime: Lifetime(since: since, until: until),
            scope: scope, lifted: lifted, note: note))
        edgeOrigins.append(Self.origin(file, line))
    }

    /// Adds a public source that nodes and edges cite by key, and returns the key.
    ///
    /// - Parameters:
    ///   - key: the key citations use; unique among references.
    ///   - title: the source's title.
    ///   - publisher: who published it.
    ///   - date: when it was published, as precise as known.
    ///   - retrieved: when it was read, as precise as known.
    ///   - url: where to read it.
    ///   - file: where the reference is added, for messages (default: the caller's file).
    ///   - line: the line it is added on (default: the caller's line).
    @discardableResult
    public mutating func reference(
        _ key: String, title: String, publisher: String? = nil, date: EcoDate? = nil, retrieved: EcoDate? = nil, url: String? = nil,
        file: String = #fileID, line: Int = #line
    ) -> String {
        ecosystem.references.append(SourceReference(id: key, title: title, publisher: publisher, date: date, retrieved: retrieved, url: url))
        referenceOrigins.append(Self.origin(file, line))
        return key
    }

    /// Declares a node kind of your own without adding a node of it (needed only when a declared edge kind
    /// names it and no node has it yet; ``node(_:kind:label:attributes:sources:inferred:confidence:since:until:note:file:line:)``
    /// declares the kinds it is given).
    ///
    /// - Parameters:
    ///   - kind: the kind; declaring a built-in kind does nothing.
    ///   - file: where the kind is declared, for messages (default: the caller's file).
    ///   - line: the line it is declared on (default: the caller's line).
    public mutating func declare(_ kind: NodeKind, file: String = #fileID, line: Int = #line) {
        declareIfNeeded(kind, file: file, line: line)
    }

    /// The ecosystem, validated.
    ///
    /// - Throws: ``ValidationFailure`` with every problem `Ecosystem.validate()` finds (duplicate or malformed
    ///   ids, edges to unknown ids or between kinds their kind may not join, weights out of range, misplaced
    ///   `alternatives` or `targets`, malformed sources, ...), each at the line of code that added the culprit.
    /// - Complexity: `O(n + m)`.
    public func build() throws(ValidationFailure) -> Ecosystem {
        let issues = ecosystem.validate()
        guard issues.isEmpty else {
            throw ValidationFailure(issues: issues, diagnostics: issues.map { issue in
                var diagnostic = origin(of: issue.subject)
                diagnostic.message = issue.message
                return diagnostic
            })
        }
        return ecosystem
    }

    // MARK: - Inside

    private static func origin(_ file: String, _ line: Int) -> Diagnostic {
        Diagnostic(file: file, position: FilePosition(line: line), message: "")
    }

    private func origin(of subject: ValidationSubject) -> Diagnostic {
        switch subject {
        case .node(let i): nodeOrigins[i]
        case .edge(let i): edgeOrigins[i]
        case .reference(let i): referenceOrigins[i]
        case .declaredNodeKind(let i): nodeKindOrigins[i]
        case .declaredEdgeKind(let i): edgeKindOrigins[i]
        }
    }

    /// Declares a kind unless it is built in or declared already (a kind that reuses a built-in or declared
    /// id with another definition is declared again, so that validation reports the clash).
    private mutating func declareIfNeeded(_ kind: NodeKind, file: String, line: Int) {
        guard Schema.builtIn.nodeKind(kind.id) != kind, !ecosystem.declaredNodeKinds.contains(kind) else { return }
        ecosystem.declaredNodeKinds.append(kind)
        nodeKindOrigins.append(Self.origin(file, line))
    }

    private mutating func declareIfNeeded(_ kind: EdgeKind, file: String, line: Int) {
        guard Schema.builtIn.edgeKind(kind.id) != kind, !ecosystem.declaredEdgeKinds.contains(kind) else { return }
        ecosystem.declaredEdgeKinds.append(kind)
        edgeKindOrigins.append(Self.origin(file, line))
    }
}

/// Every problem of an ecosystem built in code, each at the line of code that added the offending node, edge,
/// reference or kind: `File.swift:LINE: message`, one line each, as the CLI reports a file's problems.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order `Ecosystem.validate()` gives them.
    public var issues: [ValidationIssue]
    /// One per issue, in the same order: where in code its subject was added, and the message.
    public var diagnostics: [Diagnostic]

    /// A failure from issues and their places in code.
    public init(issues: [ValidationIssue], diagnostics: [Diagnostic]) {
        self.issues = issues
        self.diagnostics = diagnostics
    }

    /// One `FILE:LINE: message` line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

// MARK: - Attribute literals

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    /// A string attribute: `["country": "china"]`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A number attribute: `["year": 2025]`.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A number attribute: `["share": 0.4]`.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A boolean attribute: `["open": true]`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list-of-strings attribute: `["group": ["global-south", "brics"]]`.
    public init(arrayLiteral elements: String...) { self = .list(elements) }
}
