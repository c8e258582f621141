import EcoGraphModel
import Foundation

/// The two spellings of the native ecosystem format: YAML for people (comments allowed), JSON for
/// machines. Both hold the same schema (see docs/FORMAT.md).
public enum EcosystemFormat: String, Sendable, CaseIterable {
    /// YAML (`.yaml`, `.yml`): the spelling for people.
    case yaml
    /// JSON (`.json`): the spelling for machines, parsed strictly.
    case json

    /// The format a path's extension names (`.yaml`, `.yml`, `.json`), if any.
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}

/// Where each node and edge of an ecosystem file is written, by index in `Ecosystem.nodes` / `.edges`.
public struct FactLocations: Sendable, Hashable {
    /// The file.
    public var file: String
    /// Where each node's mapping begins.
    public var nodes: [FilePosition?]
    /// Where each edge's mapping begins.
    public var edges: [FilePosition?]

    /// Locations from their parts.
    public init(file: String, nodes: [FilePosition?], edges: [FilePosition?]) {
        self.file = file
        self.nodes = nodes
        self.edges = edges
    }
}

/// Reading and writing ecosystem files.
public enum EcosystemFile {
    /// Reads and validates an ecosystem file; the format comes from the extension (YAML when unknown).
    ///
    /// - Throws: `GraphFileError` with one `FILE:LINE:COLUMN: message` per problem, all of them.
    public static func read(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError) -> Ecosystem {
        let text = try InputFile.text(path, limits: limits)
        return try decode(text, format: EcosystemFormat(path: path) ?? .yaml, file: path, limits: limits)
    }

    /// Reads and validates an ecosystem file, and says where each node and edge is written in it.
    /// - Throws: `GraphFileError` as `read(contentsOf:limits:)`.
    public static func readLocated(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError)
        -> (ecosystem: Ecosystem, locations: FactLocations) {
        let text = try InputFile.text(path, limits: limits)
        return try EcosystemDecoder.decodeLocated(text, format: EcosystemFormat(path: path) ?? .yaml, file: path, limits: limits)
    }

    /// Decodes and validates ecosystem text; `file` names it in messages.
    public static func decode(_ text: String, format: EcosystemFormat, file: String,
                              limits: InputLimits = .default) throws(GraphFileError) -> Ecosystem {
        try EcosystemDecoder.decode(text, format: format, file: file, limits: limits)
    }

    /// Reads and validates an ecosystem file, and lists what a curator should look at though it is valid
    /// (`Ecosystem.warnings(staleBefore:)`), each at its `FILE:LINE:COLUMN`.
    ///
    /// - Throws: `GraphFileError` when the file is not valid, as `read(contentsOf:limits:)`.
    public static func warnings(contentsOf path: String, staleBefore: EcoDate? = nil,
                                limits: InputLimits = .default) throws(GraphFileError) -> [Diagnostic] {
        let text = try InputFile.text(path, limits: limits)
        return try EcosystemDecoder.decodeWithWarnings(text, format: EcosystemFormat(path: path) ?? .yaml, file: path, limits: limits,
                                                       staleBefore: staleBefore).warnings
    }

    /// The ecosystem spelled in a format: deterministic, so the same ecosystem gives the same bytes.
    /// Attribute keys are sorted; everything else keeps the ecosystem's order.
    public static func encode(_ ecosystem: Ecosystem, as format: EcosystemFormat) -> String {
        let tree = tree(of: ecosystem)
        switch format {
        case .json: return tree.json
        case .yaml: return "# EcoGraph ecosystem (docs/FORMAT.md)\n" + tree.yaml
        }
    }

    /// Writes an ecosystem file atomically, in the format its extension names (YAML when unknown).
    public static func write(_ ecosystem: Ecosystem, to path: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(encode(ecosystem, as: EcosystemFormat(path: path) ?? .yaml), to: path)
    }

    private static func tree(of ecosystem: Ecosystem) -> OutputValue {
        var top: [(String, OutputValue)] = [("ecograph", .number(1))]
        if !ecosystem.name.isEmpty { top.append(("name", .string(ecosystem.name))) }
        if !ecosystem.description.isEmpty { top.append(("description", .string(ecosystem.description))) }
        if !ecosystem.references.isEmpty {
            top.append(("references", .map(ecosystem.references.map { reference in
                var fields: [(String, OutputValue)] = [("title", .string(reference.title))]
                if let publisher = reference.publisher { fields.append(("publisher", .string(publisher))) }
                if let date = reference.dateText { fields.append(("date", .string(date))) }
                if let retrieved = reference.retrieved { fields.append(("retrieved", .string(retrieved.description))) }
                if let url = reference.url { fields.append(("url", .string(url))) }
                return (reference.id, .map(fields))
            })))
        }
        if !ecosystem.declaredNodeKinds.isEmpty || !ecosystem.declaredEdgeKinds.isEmpty {
            var kinds: [(String, OutputValue)] = []
            if !ecosystem.declaredNodeKinds.isEmpty {
                kinds.append(("nodes", .map(ecosystem.declaredNodeKinds.map { kind in
                    // The short form (a description) unless the kind has a role other than `entity`.
                    kind.role == .entity ? (kind.id, .string(kind.description))
                        : (kind.id, .map([("description", .string(kind.description)), ("role", .string(kind.role.rawValue))]))
                })))
            }
            if !ecosystem.declaredEdgeKinds.isEmpty {
                kinds.append(("edges", .map(ecosystem.declaredEdgeKinds.map { kind in
                    var fields: [(String, OutputValue)] = [
                        ("description", .string(kind.description)),
                        ("from", .list(kind.from.names.map(OutputValue.string))),
                        ("to", .list(kind.to.names.map(OutputValue.string))),
                        ("role", .string(kind.role.name)),
                    ]
                    if let dependent = kind.dependent { fields.append(("dependent", .string(dependent.rawValue))) }
                    if let effect = kind.restriction { fields.append(("restricts", .string(effect.rawValue))) }
                    if kind.conveysHome { fields.append(("conveys_home", .bool(true))) }
                    return (kind.id, .map(fields))
                })))
            }
            top.append(("kinds", .map(kinds)))
        }
        top.append(("nodes", .list(ecosystem.nodes.map { node in
            var fields: [(String, OutputValue)] = [("id", .string(node.id))]
            if node.label != node.id { fields.append(("label", .string(node.label))) }
            fields.append(("kind", .string(node.kind)))
            if !node.attributes.isEmpty { fields.append(("attributes", attributes(node.attributes))) }
            fields.append(("sources", .list(node.sources.map(OutputValue.string))))
            if node.inferred { fields.append(("inferred", .bool(true))) }
            if node.confidence != 1 { fields.append(("confidence", .number(node.confidence))) }
            fields += lifetime(node.lifetime)
            if let note = node.note { fields.append(("note", .string(note))) }
            return .map(fields)
        })))
        top.append(("edges", .list(ecosystem.edges.map { edge in
            var fields: [(String, OutputValue)] = []
            if let id = edge.id { fields.append(("id", .string(id))) }
            fields += [("from", .string(edge.from)), ("to", .string(edge.to)), ("kind", .string(edge.kind))]
            if edge.weight != 1 { fields.append(("weight", .number(edge.weight))) }
            if edge.confidence != 1 { fields.append(("confidence", .number(edge.confidence))) }
            if let alternatives = edge.alternatives { fields.append(("alternatives", .string(alternatives))) }
            if !edge.targets.isEmpty { fields.append(("targets", .list(edge.targets.map(OutputValue.string)))) }
            if !edge.attributes.isEmpty { fields.append(("attributes", attributes(edge.attributes))) }
            fields.append(("sources", .list(edge.sources.map(OutputValue.string))))
            if edge.inferred { fields.append(("inferred", .bool(true))) }
            fields += lifetime(edge.lifetime)
            if let scope = edge.scope { fields.append(("scope", .string(scope))) }
            if let lifted = edge.lifted { fields.append(("lifted", .string(lifted.description))) }
            if let note = edge.note { fields.append(("note", .string(note))) }
            return .map(fields)
        })))
        return .map(top)
    }

    private static func lifetime(_ lifetime: Lifetime) -> [(String, OutputValue)] {
        [("since", lifetime.since), ("until", lifetime.until)].compactMap { key, date in date.map { (key, .string($0.description)) } }
    }

    private static func attributes(_ attributes: [String: AttributeValue]) -> OutputValue {
        .map(attributes.keys.sorted().map { key in
            switch attributes[key]! {
            case .string(let s): (key, .string(s))
            case .number(let x): (key, .number(x))
            case .bool(let b): (key, .bool(b))
            case .list(let items): (key, .list(items.map(OutputValue.string)))
            }
        })
    }
}
