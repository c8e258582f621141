/// A what-if scenario: what is taken out of an ecosystem, by id and by kind, and which restrictions
/// (export controls, bans) are applied.
///
/// Scenarios name things only; the analysis layer resolves them against a graph and simulates them.
public struct Scenario: Sendable, Hashable {
    /// The scenario's name, unique within a scenario file.
    public var name: String
    /// What the scenario stands for.
    public var description: String
    /// Nodes removed by id.
    public var removeNodes: [String]
    /// Every node of these kinds is removed.
    public var removeNodeKinds: [String]
    /// Every edge of these kinds is removed.
    public var removeEdgeKinds: [String]
    /// Ids of restriction edges to apply: an export control cuts the dependencies of its targets' entities
    /// on the controlled item; a ban cuts the banning state's (or its targets') dependencies on the banned item.
    public var apply: [String]

    /// A scenario; every part defaults to nothing.
    public init(name: String, description: String = "", removeNodes: [String] = [], removeNodeKinds: [String] = [],
                removeEdgeKinds: [String] = [], apply: [String] = []) {
        self.name = name
        self.description = description
        self.removeNodes = removeNodes
        self.removeNodeKinds = removeNodeKinds
        self.removeEdgeKinds = removeEdgeKinds
        self.apply = apply
    }

    /// Whether the scenario changes nothing.
    public var isEmpty: Bool { removeNodes.isEmpty && removeNodeKinds.isEmpty && removeEdgeKinds.isEmpty && apply.isEmpty }
}
