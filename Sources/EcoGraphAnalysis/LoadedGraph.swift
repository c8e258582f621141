import EcoGraphKernel
import Foundation

/// A graph ready for analysis: the table read from a file (ids, labels, kinds, edges) and its kernel graph,
/// plus the typed ecosystem when the file was one.
///
/// For a typed ecosystem the table is a projection (by default the dependency view, `u -> v` reading
/// "u depends on v"); a generic file (edge list, CSV, GraphML, DOT) is read as it is, with the same reading.
///
/// A `FactFilter` chooses the facts analysed: the map as of a day, above a confidence, without inferred
/// facts. `ecosystem` and `table` hold what the filter keeps; `record` keeps the whole file, so that a
/// scenario can say why a restriction it names is not in force.
public struct LoadedGraph: Sendable {
    /// Where the graph came from, for messages.
    public let name: String
    /// The graph as a table: node ids, labels and kinds, and the edges of the view, by node index.
    public let table: GraphTable
    /// The typed ecosystem, when the file was one: the facts the filter keeps.
    public let ecosystem: Ecosystem?
    /// The typed ecosystem as the file has it, before the filter.
    public let record: Ecosystem?
    /// The facts analysed: a day, a confidence floor, inferred facts or not.
    public let filter: FactFilter
    /// Where each fact of `record` is written, when it was read from an ecosystem file.
    public let locations: FactLocations?
    /// The kernel graph, with the table's weights when it has any (`graph.unweighted` drops them).
    public let graph: CSRGraph
    /// The view a typed ecosystem was projected to.
    public let view: EcosystemView
    /// For a typed ecosystem, the index in `ecosystem.edges` of each table edge.
    public let edgeOrigins: [Int]?

    /// Wraps a generic table; the kernel graph is built once here. Its edges read "source depends on target".
    /// The filter keeps what `GraphTable.filtered(_:)` keeps: with a day, the nodes and edges alive then (a
    /// table without dates is alive always); with a confidence floor, those at least that confident (a table
    /// without confidences is certain); generic tables mark nothing inferred.
    /// - Complexity: `O(n + m log d)`.
    public init(table: GraphTable, filter: FactFilter = .everything, name: String) {
        let kept = filter.keepsEverything ? table : table.filtered(filter).table
        self.init(table: kept, ecosystem: nil, record: nil, filter: filter, view: .dependency, edgeOrigins: nil, name: name)
    }

    /// Projects the facts of a typed ecosystem that a filter keeps to a view.
    /// - Parameter locations: where each of the ecosystem's facts is written, if it was read from a file.
    public init(ecosystem: Ecosystem, view: EcosystemView = .dependency, filter: FactFilter = .everything, name: String = "ecosystem",
                locations: FactLocations? = nil) {
        let kept = ecosystem.filtered(filter)
        let projection = kept.projection(view: view)
        self.init(table: projection.table, ecosystem: kept, record: ecosystem, filter: filter, view: view,
                  edgeOrigins: projection.edgeOrigins, name: name, locations: locations)
    }

    /// A graph from its parts, as the loaders and `timeline` derive them; the kernel graph is built here.
    init(table: GraphTable, ecosystem: Ecosystem?, record: Ecosystem?, filter: FactFilter, view: EcosystemView,
         edgeOrigins: [Int]?, name: String, locations: FactLocations? = nil) {
        self.locations = locations
        self.name = name
        self.table = table
        self.ecosystem = ecosystem
        self.record = record
        self.filter = filter
        self.view = view
        self.edgeOrigins = edgeOrigins
        self.graph = table.csrGraph(weighted: table.weights != nil)
    }

    /// Loads a graph file: an ecosystem (`.yaml`, `.yml`, `.json`) projected to `view`, or a generic graph
    /// (edge list, CSV, GraphML; DOT with `readers: .withGraphviz` from EcoGraphRender) read as "source
    /// depends on target".
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - view: the view a typed ecosystem is projected to (generic graphs are read as they are).
    ///   - filter: the facts analysed (default: all).
    ///   - isDirected: whether an edge list or CSV file is directed (GraphML and DOT say for themselves).
    ///   - readers: the readers of generic formats.
    ///   - limits: how much a reader accepts (input size, nesting, YAML aliases, id length, counts).
    /// - Throws: `GraphFileError` with every problem of the file, or the limit it went past.
    public static func load(path: String, view: EcosystemView = .dependency, filter: FactFilter = .everything, isDirected: Bool = true,
                            readers: GenericGraphReaders = .standard, limits: InputLimits = .default) throws(GraphFileError) -> LoadedGraph {
        if EcosystemFormat(path: path) != nil {
            let (ecosystem, locations) = try EcosystemFile.readLocated(contentsOf: path, limits: limits)
            return LoadedGraph(ecosystem: ecosystem, view: view, filter: filter, name: path, locations: locations)
        }
        return LoadedGraph(table: try readers.read(path: path, isDirected: isDirected, limits: limits), filter: filter, name: path)
    }

    /// Loads a graph file by URL (a `file:` URL); see `load(path:view:filter:isDirected:readers:limits:)`.
    public static func load(contentsOf url: URL, view: EcosystemView = .dependency, filter: FactFilter = .everything, isDirected: Bool = true,
                            readers: GenericGraphReaders = .standard, limits: InputLimits = .default) throws(GraphFileError) -> LoadedGraph {
        guard url.isFileURL else {
            throw GraphFileError(file: url.absoluteString, position: nil, message: "only file URLs can be read")
        }
        return try load(path: url.path, view: view, filter: filter, isDirected: isDirected, readers: readers, limits: limits)
    }

    /// The ecosystem this library ships (China's open-source AI ecosystem, `Ecosystem.bundled()`), projected to `view`.
    /// - Throws: `GraphFileError` when the resource is missing (a broken installation).
    public static func bundled(view: EcosystemView = .dependency, filter: FactFilter = .everything) throws(GraphFileError) -> LoadedGraph {
        let (ecosystem, locations) = try EcosystemFile.readLocated(contentsOf: Ecosystem.bundledPath())
        return LoadedGraph(ecosystem: ecosystem, view: view, filter: filter, name: Ecosystem.bundledFileName,
                           locations: FactLocations(file: Ecosystem.bundledFileName, nodes: locations.nodes, edges: locations.edges))
    }

    /// The same facts projected to another view (a generic graph has one view: itself).
    public func projected(to view: EcosystemView) -> LoadedGraph {
        guard let record, view != self.view else { return self }
        return LoadedGraph(ecosystem: record, view: view, filter: filter, name: name, locations: locations)
    }

    /// The same graph with another filter over the same record (a generic graph keeps its table: its dates
    /// were applied when it was loaded).
    public func refiltered(_ filter: FactFilter) -> LoadedGraph {
        guard let record else { return self }
        return LoadedGraph(ecosystem: record, view: view, filter: filter, name: name, locations: locations)
    }

    /// Number of nodes; node indices are `0 ..< nodeCount`.
    public var nodeCount: Int { table.nodeCount }
    /// The id of the node at an index.
    public func id(_ node: Int) -> String { table.nodeIDs[node] }
    /// The label of the node at an index (its id when the file gives none).
    public func label(_ node: Int) -> String { table.label(of: node) }
    /// The kind of the node at an index, when the graph has kinds.
    public func kind(_ node: Int) -> String? { table.kind(of: node) }

    /// Node index by id.
    /// - Complexity: `O(n)` to build; keep the result for many look-ups.
    public func nodeIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(table.nodeCount)
        for (i, id) in table.nodeIDs.enumerated() { index[id] = i }
        return index
    }
}
