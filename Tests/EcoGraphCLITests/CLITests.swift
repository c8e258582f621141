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
