import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct RenderCommandTests {
    /// A fresh temporary folder, removed after `body`.
    private func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    private func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func writesSVGOfTheBundledGraph() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("eco.svg").path
            let result = try runEcograph(["render", "-o", out, "--top", "25", "--size-by", "pagerank"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "Graphviz messages leaked: \(result.stderr)")
            let svg = try String(contentsOfFile: out, encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("class=\"node kind"))
            #expect(files(in: folder) == ["eco.svg"])
        }
    }

    @Test func writesDOTTextWithoutGraphviz() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("small.dot").path
            let result = try runEcograph(["render", Fixtures.path("ecosystems/small.yaml"), "-o", out, "--focus", "model-a", "--depth", "1"])
            #expect(result.status == 0, "\(result.stderr)")
            let dot = try String(contentsOfFile: out, encoding: .utf8)
            #expect(dot.hasPrefix("digraph \"Small test ecosystem\" {"))
            #expect(dot.contains("\"model-a\" [") && !dot.contains("\"devs\" ["))
            #expect(!dot.contains("pos="))  // our DOT, not laid out
        }
    }

    @Test func hostileFixtureRendersAndScenarioDiff() throws {
        try withTemporaryFolder { folder in
            let svg = folder.appendingPathComponent("hostile.svg").path
            let hostile = try runEcograph(["render", Fixtures.path("ecosystems/hostile.yaml"), "-o", svg, "--layout", "neato"])
            #expect(hostile.status == 0, "\(hostile.stderr)")
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(!text.contains("<script"))
            let diff = folder.appendingPathComponent("diff.svg").path
            let scenario = try runEcograph(["render", "-o", diff, "--apply", "us-2025-04-h20", "--consumers", "country"])
            #expect(scenario.status == 0, "\(scenario.stderr)")
            #expect(try String(contentsOfFile: diff, encoding: .utf8).contains("lost"))
        }
    }

    @Test func badEngineExitsOneWithOneLineAndNoFile() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("x.svg").path
            let result = try runEcograph(["render", "-o", out, "--layout", "spring"])
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("'spring'"))
            #expect(files(in: folder).isEmpty)
        }
    }

    @Test func unwritablePathExitsOneWithOneLineAndNoFile() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("missing/sub/x.svg").path
            let result = try runEcograph(["render", "-o", out, "--top", "5"])
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("cannot write"))
            #expect(files(in: folder).isEmpty)
        }
    }

    @Test func analysisErrorsExitOneAndLeaveNoFile() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("x.png").path
            let result = try runEcograph(["render", "-o", out, "--focus", "no-such-node"])
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("no-such-node"))
            #expect(files(in: folder).isEmpty)
            let bad = try runEcograph(["render", "-o", folder.appendingPathComponent("x.gif").path])
            #expect(bad.status == 1)
            #expect(bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
            #expect(files(in: folder).isEmpty)
        }
    }

    @Test func themeFileErrorsNameTheLine() throws {
        try withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("theme.yaml")
            try "nodes:\n  company: {fill: \"not a colour\"}\n".write(to: theme, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("x.svg").path
            let result = try runEcograph(["render", "-o", out, "--theme", theme.path])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("\(theme.path):2:"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func helpHasExamples() throws {
        let result = try runEcograph(["render", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:") && result.stdout.contains("--layout"))
    }
}
