import EcoGraphModel

/// Reading scenario files: YAML or JSON with a `scenarios` list, each item
/// `{name, description?, remove?: [ids], removeKinds?: [node kinds], removeEdges?: [edge kinds], apply?: [restriction edge ids]}`.
/// Names must be unique. Ids and kinds are checked against a graph later, by the analysis layer.
public enum ScenarioFile {
    /// Reads a scenario file (YAML, or JSON by its `.json` extension).
    /// - Throws: `GraphFileError` with one `FILE:LINE:COLUMN: message` per problem.
    public static func read(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError) -> [Scenario] {
        let text = try InputFile.text(path, limits: limits)
        return try decode(text, format: EcosystemFormat(path: path) ?? .yaml, file: path, limits: limits)
    }

    /// Decodes scenario text; `file` names it in messages.
    /// - Throws: `GraphFileError` with every problem.
    public static func decode(_ text: String, format: EcosystemFormat, file: String,
                              limits: InputLimits = .default) throws(GraphFileError) -> [Scenario] {
        let root = try DocumentNode.parse(text, format: format, file: file, limits: limits)
        var problems: [Diagnostic] = []
        func fail(_ position: FilePosition?, _ message: String) {
            problems.append(Diagnostic(file: file, position: position, message: message))
        }
        func strings(_ node: DocumentNode, _ what: String) -> [String] {
            switch node.value {
            case .scalar(let text, _) where !node.isNull: return [text]
            case .sequence(let items):
                return items.compactMap { item in
                    if case .scalar(let text, _) = item.value, !item.isNull { return text }
                    fail(item.position, "each item of \(what) must be a string, found \(item.typeName)")
                    return nil
                }
            default:
                fail(node.position, "\(what) must be a list of strings, found \(node.typeName)")
                return []
            }
        }
        guard let root, case .mapping(let top) = root.value, let list = top.first(where: { $0.key == "scenarios" })?.value,
              case .sequence(let items) = list.value else {
            throw GraphFileError(file: file, position: root?.position, message: "a scenario file is a mapping with a `scenarios` list")
        }
        for (key, keyPosition, _) in top where key != "scenarios" {
            fail(keyPosition, "unknown key '\(key)' in the scenario file (expected: scenarios)")
        }
        var scenarios: [Scenario] = []
        var seen: [String: Int] = [:]
        for item in items {
            guard case .mapping(let fields) = item.value else {
                fail(item.position, "each scenario must be a mapping, found \(item.typeName)")
                continue
            }
            var scenario = Scenario(name: "")
            for (key, keyPosition, value) in fields {
                switch key {
                case "name", "description":
                    guard case .scalar(let text, _) = value.value, !value.isNull else {
                        fail(value.position, "`\(key)` must be a string, found \(value.typeName)")
                        continue
                    }
                    if key == "name" { scenario.name = text } else { scenario.description = text }
                case "remove": scenario.removeNodes = strings(value, "`remove`")
                case "removeKinds": scenario.removeNodeKinds = strings(value, "`removeKinds`")
                case "removeEdges": scenario.removeEdgeKinds = strings(value, "`removeEdges`")
                case "apply": scenario.apply = strings(value, "`apply`")
                default:
                    fail(keyPosition, "unknown key '\(key)' in a scenario (expected one of: name, description, remove, removeKinds, removeEdges, apply)")
                }
            }
            if scenario.name.isEmpty {
                fail(item.position, "a scenario has no `name`")
            } else if let first = seen[scenario.name] {
                fail(item.position, "duplicate scenario name '\(scenario.name)' (first defined at line \(first))")
            } else {
                seen[scenario.name] = item.position.line
            }
            scenarios.append(scenario)
        }
        guard problems.isEmpty else { throw GraphFileError(problems) }
        return scenarios
    }
}
