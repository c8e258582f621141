import EcoGraphTestSupport
import Foundation
import Testing

@Suite("ecograph robustness")
struct RobustnessCommandTests {
    /// A file in a fresh temporary folder, removed by the caller.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the impact order as JSON: exact values, the highest-impact node first, everything gone at the end")
    func impactJSON() throws {
        let result = try runEcograph(["robustness", "--order", "impact", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["order"] as? String == "impact" && object["runs"] as? Int == 1)
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == (object["nodes"] as? Int ?? 0) + 1)
        #expect(points[1]["removedIds"] as? [String] == ["hbm"])
        #expect(points.last?["reachablePairs"] as? Int == 0 && points.last?["largestComponent"] as? Int == 0)
        // The same chokepoint impact the chokepoints command reports: pairs lost by removing hbm alone.
        let chokepoints = try runEcograph(["chokepoints", "--format", "json"])
        let top = try #require(((try JSONSerialization.jsonObject(with: Data(chokepoints.stdout.utf8)) as? [String: Any])?["chokepoints"] as? [[String: Any]])?.first)
        #expect(top["id"] as? String == "hbm")
        // Removing hbm loses its impact (the pairs of the other consumers) and hbm's own pairs (it is no consumer any more).
        let own = try runEcograph(["robustness", "--order", "impact", "--consumers", "id:hbm", "--steps", "1", "--format", "csv"])
        let hbmPairs = try #require(Int(own.stdout.split(separator: "\n")[1].split(separator: ",")[3]))
        let pairs = points.map { $0["reachablePairs"] as? Int ?? -1 }
        #expect(hbmPairs > 0)
        #expect(pairs[0] - pairs[1] == (top["impact"] as? Int ?? 0) + hbmPairs)
    }

    @Test("random: same bytes on every run; CSV with p5 and p95 beside each mean; a chart with a band")
    func randomIsReproducible() throws {
        let arguments = ["robustness", "--order", "random", "--runs", "30", "--seed", "5", "--steps", "10", "--format", "csv"]
        let first = try runEcograph(arguments), second = try runEcograph(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.first == "step,removed,largest component,largest component p5,largest component p95,reachable pairs,reachable pairs p5,reachable pairs p95,cut-off consumers,cut-off consumers p5,cut-off consumers p95")
        #expect(lines.count == 12)
        let chart = try Self.temporaryFile("chart.svg", "")
        defer { try? FileManager.default.removeItem(atPath: (chart as NSString).deletingLastPathComponent) }
        let drawn = try runEcograph(arguments + ["--chart", chart])
        #expect(drawn.status == 0 && drawn.stdout == first.stdout)
        #expect(drawn.stderr == "wrote \(chart): 11 checkpoints\n")
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 3 && svg.components(separatedBy: "<polygon class=\"band").count - 1 == 3)
    }

    @Test("a policy file: restrictions and nodes in order, with the table's header lines")
    func policyFile() throws {
        let order = try Self.temporaryFile("controls.txt", "# chip controls, then Nvidia\nus-bis-2022-10-a100\nus-bis-2024-12-hbm\nnvidia\n")
        defer { try? FileManager.default.removeItem(atPath: (order as NSString).deletingLastPathComponent) }
        let result = try runEcograph(["robustness", "--order", order, "--consumers", "country", "--providers", "model"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("order: \(order); 3 steps over 3 removals\n"))
        #expect(result.stdout.contains("consumers: country (14); providers: model (25)"))
        #expect(result.stdout.contains("us-bis-2024-12-hbm") && result.stdout.contains("nvidia"))
    }

    @Test("bad input: one clear line each, exit 1; flag misuse is a usage error")
    func badInput() throws {
        let unknown = try Self.temporaryFile("o.txt", "nvidia\n\n  atlantis\n")
        let empty = try Self.temporaryFile("e.txt", "# nothing here\n")
        defer {
            try? FileManager.default.removeItem(atPath: (unknown as NSString).deletingLastPathComponent)
            try? FileManager.default.removeItem(atPath: (empty as NSString).deletingLastPathComponent)
        }
        let cases: [([String], String)] = [
            (["--order", "degre"], "ecograph: unknown order 'degre': give random, degree, betweenness, pagerank, impact, or an order file (there is no file 'degre')\n"),
            (["--order", unknown], "ecograph: \(unknown):3:3: 'atlantis' is neither a node id nor an edge id of the graph\n"),
            (["--order", empty], "\(empty): no ids: a removal order lists node ids or restriction edge ids, one a line\n"),
            (["--order", "random", "--steps", "0"], "ecograph: --steps must be at least 1, not 0\n"),
            (["--order", "random", "--runs", "0"], "ecograph: --runs must be at least 1, not 0\n"),
            (["--order", "impact", "--steps=-2"], "ecograph: --steps must be at least 1, not -2\n"),
        ]
        for (arguments, message) in cases {
            let result = try runEcograph(["robustness"] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == message, "\(arguments)")
        }
        for arguments in [["--order", "random", "--adaptive"], ["--order", "degree", "--runs", "5"], ["--order", "impact", "--seed", "1"],
                          ["--order", "impact", "--model", "cascade"], ["--order", "random", "--runs", "x"], []] {
            let result = try runEcograph(["robustness"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("--help explains the quantities and the orders, with examples")
    func help() throws {
        let result = try runEcograph(["robustness", "--help"])
        #expect(result.status == 0)
        // Wrapped at 80 columns: compare with single spaces.
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["largest weakly connected component", "5th to 95th percentile", "--adaptive", "floor(k * L / K)", "Examples:",
                     "ecograph robustness --order impact", "--chart"] {
            #expect(help.contains(text), "\(text)")
        }
    }
}
