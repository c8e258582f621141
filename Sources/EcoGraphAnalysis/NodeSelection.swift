/// A set of nodes named on the command line or in code: whose dependencies an analysis asks about
/// (consumers), or which nodes it asks about them (providers).
///
/// Spelled `all`, `kind:K`, `group:G`, `id:a,b,c`, a comma-separated list of ids, or a single bare word
/// that is tried as a node kind, then as a group (a value of the `group` attribute, such as
/// `global-south`), then as an id.
public enum NodeSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every node.
    case all
    /// The nodes of a kind (`kind:model`).
    case kind(String)
    /// The nodes whose `group` attribute holds a name (`group:global-south`).
    case group(String)
    /// The nodes with these ids (`id:kenya,india`).
    case ids([String])
    /// A bare word: a node kind, else a group, else an id.
    case word(String)

    /// Parses a spelling; bare words are resolved against a graph by `LoadedGraph.nodes(in:)`.
    public init(_ spec: String) {
        if spec == "all" || spec.isEmpty { self = .all }
        else if spec.hasPrefix("kind:") { self = .kind(String(spec.dropFirst(5))) }
        else if spec.hasPrefix("group:") { self = .group(String(spec.dropFirst(6))) }
        else if spec.hasPrefix("id:") { self = .ids(spec.dropFirst(3).split(separator: ",").map(String.init)) }
        else if spec.contains(",") { self = .ids(spec.split(separator: ",").map(String.init)) }
        else { self = .word(spec) }
    }

    /// The selection spelled as the command line takes it (`all`, `kind:K`, `group:G`, `id:a,b`, or the bare word).
    public var description: String {
        switch self {
        case .all: "all"
        case .kind(let kind): "kind:\(kind)"
        case .group(let group): "group:\(group)"
        case .ids(let ids): "id:" + ids.joined(separator: ",")
        case .word(let word): word
        }
    }
}

extension LoadedGraph {
    /// The group names a node carries in its `group` attribute (typed ecosystems only).
    public func groups(of node: Int) -> [String] {
        ecosystem?.nodes[node].attributes[NodeAttribute.group]?.strings ?? []
    }

    /// The nodes a selection names, in increasing index order.
    ///
    /// A bare word is read as a node kind if any node has that kind, else as a group if any node is in it,
    /// else as a node id.
    /// - Throws: `AnalysisError` naming an unknown id, kind or group.
    /// - Complexity: `O(n)`.
    public func nodes(in selection: NodeSelection) throws(AnalysisError) -> [Int] {
        switch selection {
        case .all:
            return Array(0 ..< nodeCount)
        case .kind(let kind):
            let nodes = (0 ..< nodeCount).filter { self.kind($0) == kind }
            guard !nodes.isEmpty else { throw .unknownNodeKind(kind) }
            return nodes
        case .group(let group):
            let nodes = (0 ..< nodeCount).filter { groups(of: $0).contains(group) }
            guard !nodes.isEmpty else { throw .unknownGroup(group) }
            return nodes
        case .word(let word):
            if (0 ..< nodeCount).contains(where: { self.kind($0) == word }) { return try nodes(in: .kind(word)) }
            if (0 ..< nodeCount).contains(where: { groups(of: $0).contains(word) }) { return try nodes(in: .group(word)) }
            guard let node = nodeIndex()[word] else { throw .unresolvedSelection(word) }
            return [node]
        case .ids(let ids):
            let index = nodeIndex()
            var nodes: [Int] = []
            for id in ids {
                guard let node = index[id] else { throw .unknownNode(id) }
                nodes.append(node)
            }
            return Array(Set(nodes)).sorted()
        }
    }
}
