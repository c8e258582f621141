import EcoGraphTestSupport
import Foundation
import Testing

/// Runs the built `ecograph` binary and captures its output and exit status.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runEcograph(_ arguments: [String]) throws -> CommandResult {
    let process = Process()
    process.executableURL = ecographBinary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// The `ecograph` executable next to the test runner in the build folder (`swift build` builds both).
let ecographBinary: URL = {
    let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    return runner.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ecograph")
}()

@Suite struct CLITests {
    @Test func validateReportsFiveMistakesAndExitsOne() throws {
        let path = Fixtures.path("ecosystems/five-mistakes.yaml")
        let result = try runEcograph(["validate", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 5)
        for (line, id) in zip(lines, ["alpha", "kenya", "ghost", "qwen", "alpha"]) {
            #expect(line.hasPrefix("\(path):") && line.contains("'\(id)'"), "\(line)")
        }
    }

    @Test func validateAcceptsTheBundledGraph() throws {
        let result = try runEcograph(["validate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("valid"))
    }

    @Test func statsJSONOfTheBundledGraph() throws {
        let result = try runEcograph(["stats", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["nodes", "edges", "directed", "weaklyConnectedComponents", "stronglyConnectedComponents", "density", "kinds"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect((object["nodes"] as? Int ?? 0) >= 60)
        #expect((object["edges"] as? Int ?? 0) >= 120)
        let kinds = try #require(object["kinds"] as? [String: Int])
        for kind in ["company", "model", "state", "institute", "country", "initiative", "technology"] {
            #expect((kinds[kind] ?? 0) > 0, "no \(kind)")
        }
        // Same input, same bytes.
        #expect(try runEcograph(["stats", "--format", "json"]).stdout == result.stdout)
    }

    @Test func statsTableOfAFile() throws {
        let result = try runEcograph(["stats", Fixtures.path("ecosystems/small.yaml")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nodes of kind community"))
        let nodesLine = result.stdout.split(separator: "\n").first { $0.hasPrefix("nodes ") }
        #expect(nodesLine?.hasSuffix(" 11") == true)
    }

    @Test func badUsageAndMissingFilesExitNonZeroWithOneLine() throws {
        let missing = try runEcograph(["stats", "/no/such/file.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "/no/such/file.yaml: no such file\n")
        let badFormat = try runEcograph(["stats", "--format", "xml"])
        #expect(badFormat.status != 0)
        #expect(badFormat.stdout.isEmpty)
    }

    @Test func helpShowsAnExampleForEachSubcommand() throws {
        for command in ["validate", "stats"] {
            let result = try runEcograph([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:") && result.stdout.contains("ecograph \(command)"), "\(command)")
        }
    }
}

@Suite struct CentralityCommandTests {
    @Test func jsonShapeAndOrder() throws {
        let result = try runEcograph(["centrality", Fixtures.path("cli/triangle.txt"), "--measure", "pagerank", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "pagerank")
        #expect(object["directed"] as? Bool == true)
        #expect(object["weighted"] as? Bool == false)
        #expect(object["normalized"] as? Bool == true)
        let scores = try #require(object["scores"] as? [[String: Any]])
        #expect(scores.map { $0["id"] as? String } == ["c", "b", "a", "d"])
        #expect(scores.map { $0["rank"] as? Int } == [1, 2, 3, 3])
        #expect(Set(scores[0].keys) == ["id", "label", "kind", "score", "rank"])
        expectClose(scores[0]["score"] as! Double, 0.30785340314136866, tolerance: 1e-10)
    }

    @Test func edgeBetweennessItemsHaveSourceAndTarget() throws {
        let result = try runEcograph(["centrality", Fixtures.path("cli/triangle.txt"), "--measure", "edge-betweenness", "--format", "json", "--top", "1"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scores = try #require(object["scores"] as? [[String: Any]])
        #expect(scores.count == 1)
        #expect(scores[0]["source"] as? String == "b" && scores[0]["target"] as? String == "c")
        #expect(scores[0]["id"] == nil)
    }

    @Test func bundledGraphByDefaultWithLabelsAndKinds() throws {
        let result = try runEcograph(["centrality", "--measure", "pagerank", "--top", "5", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0] == "rank,id,label,kind,score")
        #expect(lines[1].hasPrefix("1,"))
        #expect(try runEcograph(["centrality", "--measure", "pagerank", "--top", "5", "--format", "csv"]).stdout == result.stdout)
    }

    @Test func allMeasuresInOneTable() throws {
        let result = try runEcograph(["centrality", Fixtures.path("cli/triangle.txt"), "--all", "--format", "csv"])
        #expect(result.status == 0)
        let header = result.stdout.split(separator: "\n").first.map(String.init)
        #expect(header == "id,label,kind,degree,in-degree,out-degree,betweenness,closeness,harmonic,eigenvector,pagerank,katz,hubs,authorities,core-number")
        #expect(result.stdout.split(separator: "\n").count == 5)
    }

    @Test func divergenceAndBadOptionsExitNonZeroWithAMessage() throws {
        let katz = try runEcograph(["centrality", Fixtures.path("cli/triangle.txt"), "--measure", "katz", "--alpha", "1.5"])
        #expect(katz.status == 1)
        #expect(katz.stdout.isEmpty)
        #expect(katz.stderr.contains("diverges") && katz.stderr.contains("choose alpha below"))
        #expect(katz.stderr.split(separator: "\n").count == 1)
        let both = try runEcograph(["centrality", "--all", "--measure", "degree"])
        #expect(both.status != 0 && both.stdout.isEmpty)
        let badFile = try runEcograph(["centrality", Fixtures.path("ecosystems/five-mistakes.yaml"), "--measure", "degree"])
        #expect(badFile.status == 1)
        #expect(badFile.stderr.split(separator: "\n").count == 5)
    }
}

@Suite struct DependencyCommandTests {
    private let supplyChain = Fixtures.path("ecosystems/supply-chain.yaml")

    @Test func chokepointsJSONShape() throws {
        let result = try runEcograph(["chokepoints", supplyChain, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["articulationPoints", "bridges", "stronglyConnectedComponents", "cycles", "chokepoints"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["stronglyConnectedComponents"] as? Int == 12)
        #expect(object["weaklyConnectedComponents"] as? Int == 3)
        let chokepoints = try #require(object["chokepoints"] as? [[String: Any]])
        #expect(chokepoints.first?["id"] as? String == "chip-a")
        #expect(chokepoints.first?["impact"] as? Int == 7)
        #expect(chokepoints.first?["dependents"] as? Int == 3)
        #expect(chokepoints.first?["label"] != nil && chokepoints.first?["kind"] as? String == "technology")
        let bridges = try #require(object["bridges"] as? [[String]])
        #expect(bridges.allSatisfy { $0.count == 2 })
    }

    @Test func whatIfJSONForOneRemovedNodeMatchesItsImpact() throws {
        let result = try runEcograph(["whatif", supplyChain, "--remove", "chip-a", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["removed"] as? [String] == ["chip-a"])
        #expect(object["lostPairs"] as? Int == 7)
        let affected = try #require(object["affected"] as? [[String: Any]])
        #expect(affected.first?["id"] as? String == "model-y")
        #expect(affected.first?["lost"] as? [String] == ["chip-a", "chipco", "fab"])
    }

    @Test func scenarioFilesRunSideBySide() throws {
        let result = try runEcograph(["whatif", "--scenario", Fixtures.repositoryRoot.appendingPathComponent("Graphs/scenarios.yaml").path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 5)
        #expect(scenarios.allSatisfy { ($0["lostPairs"] as? Int ?? 0) > 0 })
    }

    @Test func cutAndErrors() throws {
        let cut = try runEcograph(["cut", supplyChain, "--from", "kenya", "--to", "model", "--format", "json"])
        #expect(cut.status == 0, "\(cut.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cut.stdout.utf8)) as? [String: Any])
        #expect(object["size"] as? Int == 2 && object["cut"] as? [String] == ["model-x", "model-y"])
        let unknown = try runEcograph(["whatif", supplyChain, "--remove", "atlantis"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "ecograph: scenario 'command line': unknown node id 'atlantis'\n")
        let neither = try runEcograph(["whatif", supplyChain])
        #expect(neither.status != 0 && neither.stdout.isEmpty)
    }
}

@Suite struct ConvertCommandTests {
    @Test func convertsTheBundledGraphToEveryFormatAndBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-convert-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try runEcograph(["stats", "--format", "json"]).stdout
        for name in ["g.json", "g.yaml", "g.graphml"] {
            let result = try runEcograph(["convert", "-o", "\(folder)/\(name)"])
            #expect(result.status == 0, "\(result.stderr)")
            // Every format that keeps node kinds gives the same statistics back.
            #expect(try runEcograph(["stats", "\(folder)/\(name)", "--format", "json"]).stdout.contains("\"nodes\": 115"), "\(name)")
        }
        #expect(try runEcograph(["stats", "\(folder)/g.yaml", "--format", "json"]).stdout == original)
        for name in ["g.csv", "g.txt"] {
            #expect(try runEcograph(["convert", "\(folder)/g.graphml", "-o", "\(folder)/\(name)"]).status == 0)
            #expect(try runEcograph(["stats", "\(folder)/\(name)", "--format", "json"]).stdout.contains("\"edges\": 410"), "\(name)")
        }
        let typed = try runEcograph(["convert", "\(folder)/g.csv", "-o", "\(folder)/back.yaml"])
        #expect(typed.status == 1 && typed.stderr.contains("generic graph"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/back.yaml"))
    }
}

@Suite struct OutputFormatFlagTests {
    @Test func standardOutputWithAnExplicitFormatEqualsTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, ext) in [("json", "json"), ("graphml", "graphml"), ("edgelist", "txt"), ("dot", "dot")] {
            let file = folder.appendingPathComponent("g.\(ext)").path
            let written = try runEcograph(["convert", "-o", file])
            #expect(written.status == 0, "\(written.stderr)")
            let piped = try runEcograph(["convert", "-o", "-", "--output-format", format])
            #expect(piped.status == 0, "\(piped.stderr)")
            #expect(piped.stdout == (try String(contentsOfFile: file, encoding: .utf8)), "\(format)")
        }
        let dot = try runEcograph(["render", "-o", "-", "--output-format", "dot", "--top", "3"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph "), "\(dot.stderr)")
        let none = try runEcograph(["render", "-o", "-"])
        #expect(none.status == 1 && none.stderr.contains("--output-format"))
    }
}
