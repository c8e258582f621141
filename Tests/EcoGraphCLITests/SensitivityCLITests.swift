import EcoGraphTestSupport
import Foundation
import Testing

/// `ecograph sensitivity` through the binary: its outputs, the candidate file, and its errors.
@Suite("CLI: sensitivity")
struct SensitivityCLITests {
    private let dated = Fixtures.path("ecosystems/dated-restrictions.yaml")

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runEcograph(["sensitivity", dated, "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("a scenario's load-bearing facts name the fact, its provenance and line, and what changes")
    func scenarioFacts() throws {
        let report = try json(["--of", "scenario", "--apply", "us-ctl", "--as-of", "2025-03"])
        #expect(report["target"] as? String == "scenario:command line")
        #expect(report["baseline"] as? [String] == ["app", "kr", "model"])
        let facts = try #require(report["facts"] as? [[String: Any]])
        let edge = try #require(facts.first { $0["name"] as? String == "model -> chip (builds_on)" })
        #expect(edge["confidence"] as? Double == 0.7 && edge["inferred"] as? Bool == true && edge["line"] as? Int == 18)
        #expect(edge["sources"] as? [String] == ["rule"])
        #expect(edge["changes"] as? [String] == ["app no longer cut off", "kr no longer cut off", "model no longer cut off"])
        // Before the app exists, Korea does not reach the chip through it.
        let early = try json(["--of", "scenario", "--apply", "us-ctl", "--as-of", "2024-07"])
        #expect(early["baseline"] as? [String] == ["model"])
    }

    @Test("top-k impact: the table names facts with their file line; CSV has a row per fact")
    func impactFacts() throws {
        let table = try runEcograph(["sensitivity", dated, "--top", "2"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Load-bearing facts for impact, top 2 ("))
        #expect(table.stdout.contains("dated-restrictions.yaml:"))
        let csv = try runEcograph(["sensitivity", dated, "--top", "2", "--format", "csv", "--facts", "edges"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "rank,fact,kind,confidence,inferred,sources,line,changes")
        let report = try json(["--top", "2", "--facts", "edges"])
        #expect(rows.count == 1 + ((report["facts"] as? [Any])?.count ?? -1))
        #expect((report["facts"] as? [[String: Any]])?.allSatisfy { $0["fact"] as? String == "edge" } == true)
    }

    @Test("candidates: a file of FROM TO KIND lines; the rescues say whom each saves")
    func candidates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-sens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("candidates.txt").path
        try "# alternatives\nkr chip adopts\n\nlab chip adopts  # the lab's own route\n".write(toFile: good, atomically: true, encoding: .utf8)
        let report = try json(["--of", "scenario", "--apply", "us-ctl", "--as-of", "2025-03", "--candidates", good])
        let rescues = try #require(report["rescues"] as? [[String: Any]])
        #expect(rescues.map { "\($0["from"]!)->\($0["to"]!):\(($0["saved"] as? [String])!)" } == ["kr->chip:[\"kr\"]"])
        let bad = dir.appendingPathComponent("bad.txt").path
        try "kr chip adopts\n  kr chip\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try runEcograph(["sensitivity", dated, "--of", "scenario", "--apply", "us-ctl", "--candidates", bad])
        #expect(failed.status == 1 && failed.stderr == "ecograph: \(bad):2:3: a candidate is `FROM TO KIND`, found 2 words\n")
        let empty = dir.appendingPathComponent("empty.txt").path
        try "# nothing\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let none = try runEcograph(["sensitivity", dated, "--of", "scenario", "--apply", "us-ctl", "--candidates", empty])
        #expect(none.status == 1 && none.stderr == "ecograph: \(empty): no candidate edges (one `FROM TO KIND` per line)\n")
        let unknown = dir.appendingPathComponent("unknown.txt").path
        try "kr ghost adopts\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        let ghost = try runEcograph(["sensitivity", dated, "--of", "scenario", "--apply", "us-ctl", "--candidates", unknown])
        #expect(ghost.status == 1 && ghost.stderr == "ecograph: candidate edge 'kr' -> 'ghost' refers to unknown node id 'ghost'\n")
    }

    @Test("flag misuse is a usage error", arguments: [
        ["--of", "fame"], ["--top", "0"], ["--of", "scenario"], ["--apply", "us-ctl"], ["--candidates", "x.txt"],
    ])
    func misuse(arguments: [String]) throws {
        let result = try runEcograph(["sensitivity", dated] + arguments)
        #expect(result.status != 0 && result.status != 1 && result.stdout.isEmpty && result.stderr.hasPrefix("Error: "))
    }
}
