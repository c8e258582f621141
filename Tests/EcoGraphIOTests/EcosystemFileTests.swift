import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct EcosystemFileTests {
    private func ecosystemPath(_ name: String) -> String { Fixtures.path("ecosystems/\(name)") }

    @Test func readsEveryPartOfTheFormat() throws {
        let eco = try EcosystemFile.read(contentsOf: ecosystemPath("small.yaml"))
        #expect(eco.name == "Small test ecosystem")
        #expect(eco.nodes.count == 11)
        #expect(eco.edges.count == 14)
        #expect(eco.references.map(\.id) == ["example-ref", "plain-ref"])
        #expect(eco.references[0].url == "https://example.org/ref")
        #expect(eco.references[1].title == "A reference given by its title only")
        #expect(eco.declaredNodeKinds.map(\.id) == ["community"])
        #expect(eco.declaredEdgeKinds.first?.role == .dependency(dependent: .source))
        let modelA = try #require(eco.nodes.first { $0.id == "model-a" })
        #expect(modelA.attributes == [
            "openness": .string("open-weights"), "year": .number(2025), "license": .string("Apache-2.0"), "multilingual": .bool(true),
        ])
        #expect(modelA.sources == ["seed:L17", "https://example.org/model-a"])
        #expect(eco.nodes[0].label == "Lab A (实验室)")
        #expect(eco.nodes[1].label == "لیب بی")
        #expect(eco.nodes[3].label == "model-b")
        let far = try #require(eco.nodes.first { $0.id == "far" })
        #expect(far.attributes["group"] == .list(["global-south"]))
        let adoption = eco.edges[5]
        #expect(adoption.alternatives == "far-model" && adoption.confidence == 0.5 && adoption.inferred)
        #expect(eco.edges[2].weight == 2 && eco.edges[2].confidence == 0.9)
        let control = eco.edges[8]
        #expect(control.id == "home-controls-gpu" && control.targets == ["far"] && control.attributes["year"] == .number(2024))
    }

    @Test func fiveMistakesGiveFiveLinesWithPositionAndID() throws {
        let path = ecosystemPath("five-mistakes.yaml")
        let error = try #require(throws: GraphFileError.self) { try EcosystemFile.read(contentsOf: path) }
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):6:10: duplicate id 'alpha' (first defined at line 4)",
            "\(path):7:23: node 'kenya' has unknown kind 'nation'",
            "\(path):10:23: edge 'alpha' -> 'ghost' refers to unknown node id 'ghost'",
            "\(path):11:12: edge 'qwen' -> 'qwen': kind 'adopts' may not start at 'qwen' of kind 'model' (allowed: country, state, company, institute)",
            "\(path):12:59: edge 'alpha' -> 'qwen': weight -2.0 is not a finite number > 0",
        ])
    }

    @Test func everyOtherMistakeIsReportedToo() throws {
        let path = ecosystemPath("more-mistakes.yaml")
        let error = try #require(throws: GraphFileError.self) { try EcosystemFile.read(contentsOf: path) }
        let found = error.diagnostics.map { "\($0.position!.line): \($0.message)" }
        let expected: [(Int, String)] = [
            (8, "unknown node kind 'planet'"), (13, "source 'nowhere'"), (14, "node id 'bad id'"),
            (15, "attribute country 'chip'"), (16, "source 'seed:L0'"), (18, "target 'firm'"),
            (19, "confidence 1.5"), (20, "may not end at 'firm'"), (21, "`alternatives` is only for dependency edges"),
            (22, "duplicate id 'us'"), (23, "unknown key 'colour'"),
        ]
        #expect(found.count == expected.count)
        for ((line, fragment), message) in zip(expected, found) {
            #expect(message.hasPrefix("\(line): ") && message.contains(fragment), "\(message) should be line \(line) with \(fragment)")
        }
    }

    @Test func malformedTextIsOneLineWithItsPosition() throws {
        let yaml = ecosystemPath("malformed.yaml")
        let yamlError = try #require(throws: GraphFileError.self) { try EcosystemFile.read(contentsOf: yaml) }
        #expect(yamlError.description == "\(yaml):4:5: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3)")
        let json = ecosystemPath("malformed.json")
        let jsonError = try #require(throws: GraphFileError.self) { try EcosystemFile.read(contentsOf: json) }
        #expect(jsonError.description == "\(json):4:35: malformed JSON: expected a string key")
        let missing = try #require(throws: GraphFileError.self) { try EcosystemFile.read(contentsOf: "/nonexistent/x.yaml") }
        #expect(missing.description == "/nonexistent/x.yaml: no such file")
    }

    @Test func structuralMistakesAreReported() throws {
        let text = """
            ecograph: 2
            nodes:
              - {id: a, kind: company, inferred: maybe}
              - {label: no-id, kind: model}
              - {id: b, kind: model, attributes: {tags: [x, {y: 1}]}}
            edges:
              - {from: a, to: b, weight: heavy, kind: develops}
              - {from: a, kind: develops}
            extra: true
            """
        let error = try #require(throws: GraphFileError.self) { try EcosystemFile.decode(text, format: .yaml, file: "t.yaml") }
        #expect(error.description.split(separator: "\n").map(String.init) == [
            "t.yaml:1:11: unsupported format version 2.0; this reader knows version 1",
            "t.yaml:3:38: `inferred` of node 'a' must be true or false, found a string 'maybe'",
            "t.yaml:4:5: a node has no `id`",
            "t.yaml:5:49: attribute 'tags' may hold only strings, found a mapping",
            "t.yaml:7:30: `weight` of the edge at line 7 must be a number, found a string 'heavy'",
            "t.yaml:8:5: the edge at line 8 has no `to`",
            "t.yaml:9:1: unknown key 'extra' in the document (expected one of: ecograph, name, description, references, kinds, nodes, edges)",
        ])
    }

    @Test func roundTripYAMLToJSONAndBack() throws {
        let original = try EcosystemFile.read(contentsOf: ecosystemPath("small.yaml"))
        let json = EcosystemFile.encode(original, as: .json)
        let fromJSON = try EcosystemFile.decode(json, format: .json, file: "round.json")
        #expect(fromJSON == original)
        let yaml = EcosystemFile.encode(fromJSON, as: .yaml)
        let fromYAML = try EcosystemFile.decode(yaml, format: .yaml, file: "round.yaml")
        #expect(fromYAML == original)
        // Same ecosystem, same bytes.
        #expect(EcosystemFile.encode(fromYAML, as: .json) == json)
        #expect(EcosystemFile.encode(fromYAML, as: .yaml) == yaml)
    }

    @Test func hostileStringsSurviveBothSpellings() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t nul-ish \u{1} line-sep \u{2028} bom \u{FEFF} 🚀 اردو 中文 `'#: - [x]"
        let eco = Ecosystem(
            name: nasty, description: "yes",
            nodes: [EcosystemNode(id: "n1", label: nasty, kind: "company", attributes: ["true": .string("null"), "k": .string("1.5")], note: nasty)])
        for format in EcosystemFormat.allCases {
            let text = EcosystemFile.encode(eco, as: format)
            let back = try EcosystemFile.decode(text, format: format, file: "x")
            #expect(back == eco, "\(format)")
        }
    }

    @Test func jsonParserIsStrict() throws {
        for (text, fragment) in [
            ("{\"nodes\": [], \"nodes\": []}", "1:15: malformed JSON: duplicate key 'nodes'"),
            ("{\"a\": 01}", "leading zero"),
            ("{\"a\": \"\\ud800\"}", "unpaired surrogate"),
            ("[1, 2", "expected ',' or ']'"),
            ("{} x", "unexpected text"),
        ] {
            let error = try #require(throws: GraphFileError.self) { try EcosystemFile.decode(text, format: .json, file: "j") }
            #expect(error.description.contains(fragment), "\(error)")
        }
        let ok = try EcosystemFile.decode(#"{"nodes": [{"id": "\ud83d\ude80", "kind": "model", "label": "a\/b"}]}"#, format: .json, file: "j")
        #expect(ok.nodes[0].id == "🚀" && ok.nodes[0].label == "a/b")
    }

    @Test func writesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let eco = try EcosystemFile.read(contentsOf: ecosystemPath("small.yaml"))
        let path = folder.appendingPathComponent("copy.json").path
        try EcosystemFile.write(eco, to: path)
        #expect(try EcosystemFile.read(contentsOf: path) == eco)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copy.json"])
        let error = try #require(throws: AtomicFile.WriteError.self) { try EcosystemFile.write(eco, to: folder.path + "/missing/x.yaml") }
        #expect(error.description.hasPrefix(folder.path + "/missing/x.yaml: cannot write:"))
    }
}
