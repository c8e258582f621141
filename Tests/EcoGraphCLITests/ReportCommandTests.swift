import EcoGraphTestSupport
import Foundation
import Testing

/// A fresh folder for one test's output.
private func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The page's parts a test looks at.
private struct ReportPage {
    var html: String
    /// The embedded data, parsed.
    var data: [String: Any]
    /// The page with both script elements' contents removed (what a browser parses as markup).
    var markup: String

    init(path: String) throws {
        html = try String(contentsOfFile: path, encoding: .utf8)
        let open = "<script type=\"application/json\" id=\"ecograph-data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound ..< html.endIndex))
        let json = String(html[start.upperBound ..< end.lowerBound])
        data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // Strip the two scripts' contents: whatever remains is markup.
        var rest = html
        var stripped = ""
        while let s = rest.range(of: "<script") {
            stripped += rest[..<s.lowerBound]
            guard let close = rest.range(of: "</script>", range: s.upperBound ..< rest.endIndex) else { rest = ""; break }
            stripped += "<script></script>"
            rest = String(rest[close.upperBound...])
        }
        markup = stripped + rest
    }

    var scriptOpenings: Int { html.components(separatedBy: "<script").count - 1 }
}

@Suite("ecograph report")
struct ReportCommandTests {
    @Test("the bundled graph with scenarios: valid data, two scripts, a CSP, nothing fetched")
    func bundledReport() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let scenarios = Fixtures.repositoryRoot.appendingPathComponent("Graphs/scenarios.yaml").path
        let result = try runEcograph(["report", "-o", output, "--scenario", scenarios, "--top", "7"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("wrote \(output): "))

        let page = try ReportPage(path: output)
        let nodes = try #require(page.data["nodes"] as? [[String: Any]])
        #expect(nodes.count >= 60)
        #expect(result.stderr.contains("\(nodes.count) nodes"))
        let rankings = try #require(page.data["rankings"] as? [[String: Any]])
        #expect(rankings.count >= 10)
        #expect(rankings.allSatisfy { ($0["entries"] as? [Any])?.count == 7 })
        #expect((page.data["scenarios"] as? [Any])?.count == 5)
        #expect(((page.data["references"] as? [Any])?.count ?? 0) > 20)
        #expect(((page.data["chokepoints"] as? [Any])?.count ?? 0) > 10)

        // One node group per node in the inline SVG.
        #expect(page.markup.components(separatedBy: "<g class=\"node kind-").count - 1 == nodes.count)
        #expect(page.scriptOpenings == 2)
        #expect(page.html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
        // Nothing in the markup points outside the file.
        let external = try Regex(#"(?i)\b(src|href|action|data|poster|srcset|xlink:href)\s*=\s*["']?\s*(https?:|//|javascript:|data:)"#)
        #expect(page.markup.firstMatch(of: external) == nil)
        #expect(!page.markup.contains("<link") && !page.markup.contains("<iframe") && !page.markup.contains("<img"))
        #expect(!page.markup.contains("@import") && !page.markup.contains("url(http"))
        #expect(!page.markup.contains("<?xml") && !page.markup.contains("<!DOCTYPE svg"))

        // Same input, same bytes.
        let again = folder.appendingPathComponent("again.html").path
        #expect(try runEcograph(["report", "-o", again, "--scenario", scenarios, "--top", "7"]).status == 0)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == page.html)
    }

    @Test("a hostile ecosystem: labels stay data, no extra script or element")
    func hostileReport() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("hostile.html").path
        let result = try runEcograph(["report", Fixtures.path("ecosystems/hostile-report.yaml"), "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try ReportPage(path: output)
        #expect(page.scriptOpenings == 2)
        #expect(!page.markup.contains("<img") && !page.markup.contains("onerror=\""))
        #expect(page.data["scenarios"] as? [Any] != nil && (page.data["scenarios"] as! [Any]).isEmpty)
        let labels = (page.data["nodes"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels.contains("<script>document.title='PW'+'NED'</script>"))
        let references = try #require(page.data["references"] as? [[String: Any]])
        #expect(references.contains { ($0["url"] as? String)?.hasPrefix("javascript:") == true })
        #expect(!page.markup.contains("href=\"javascript:"))
    }

    @Test("a generic graph has no provenance section and no default scenarios")
    func genericGraph() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("triangle.html").path
        let result = try runEcograph(["report", Fixtures.path("cli/triangle.txt"), "-o", output, "--layout", "neato"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try ReportPage(path: output)
        #expect(page.data["references"] is NSNull)
        #expect((page.data["scenarios"] as? [Any])?.isEmpty == true)
        #expect(!page.html.contains("id=\"provenance\""))
    }

    @Test("failures write nothing: a missing folder, a folder as output, a bad scenario, a bad option")
    func failuresLeaveNoFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let missing = folder.appendingPathComponent("no/such/folder/report.html").path
        let noFolder = try runEcograph(["report", "-o", missing])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.split(separator: "\n").count == 1, "\(noFolder.stderr)")
        #expect(noFolder.stderr.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: missing))

        // The output is an existing folder: the rename fails, and no temporary file is left behind.
        let asFolder = try runEcograph(["report", "-o", folder.path])
        #expect(asFolder.status == 1)
        #expect(asFolder.stderr.split(separator: "\n").count == 1, "\(asFolder.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        let scenario = folder.appendingPathComponent("bad-scenario.yaml")
        try "scenarios:\n  - name: ghost\n    remove: [no-such-node]\n".write(to: scenario, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("report.html").path
        let badScenario = try runEcograph(["report", "-o", output, "--scenario", scenario.path])
        #expect(badScenario.status == 1)
        #expect(badScenario.stderr.contains("ghost") && badScenario.stderr.contains("no-such-node"), "\(badScenario.stderr)")
        #expect(badScenario.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: output))

        let badLayout = try runEcograph(["report", "-o", output, "--layout", "spiral"])
        #expect(badLayout.status != 0)
        #expect(badLayout.stderr.contains("--layout"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad-scenario.yaml"])
    }

    @Test("--help explains the scenarios default and gives examples")
    func help() throws {
        let result = try runEcograph(["report", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("ecograph report -o report.html"))
        #expect(result.stdout.contains("Graphs/scenarios.yaml"))
        #expect(result.stdout.contains("--output"))
    }
}
