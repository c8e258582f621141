import EcoGraphTestSupport
import Foundation
import Testing

/// `--uncertainty N --seed S` on centrality, chokepoints and whatif, through the built binary.
@Suite struct UncertaintyCLITests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("N ≤ 0 is one error line and exit 1")
    func badWorldCounts() throws {
        for (command, extra) in [("chokepoints", []), ("centrality", ["--measure", "pagerank"]), ("whatif", ["--remove", "nvidia"])] {
            for n in ["0", "-3"] {
                let result = try runEcograph([command] + extra + ["--uncertainty=\(n)"])
                #expect(result.status == 1, "\(command) \(n)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr == "ecograph: --uncertainty must be at least 1, not \(n)\n", "\(result.stderr)")
            }
        }
        let all = try runEcograph(["centrality", "--all", "--uncertainty", "10"])
        #expect(all.status != 0 && all.stderr.contains("--uncertainty takes one --measure"))
        let sampled = try runEcograph(["centrality", "--measure", "betweenness", "--samples", "5", "--uncertainty", "10"])
        #expect(sampled.status != 0 && sampled.stderr.contains("leave out --samples"))
    }

    @Test("the JSON is today's JSON, value for value, plus an `uncertainty` object")
    func jsonExtendsTheExactShape() throws {
        let commands: [[String]] = [
            ["centrality", "--measure", "pagerank", "--top", "5"],
            ["centrality", "--measure", "edge-betweenness", "--top", "3"],
            ["chokepoints", "--top", "5"],
            ["chokepoints", "--model", "cascade", "--top", "4"],
            ["whatif", "--apply", "us-bis-2023-10-h800", "--consumers", "country"],
        ]
        for command in commands {
            let plain = try runEcograph(command + ["--format", "json"])
            let spread = try runEcograph(command + ["--format", "json", "--uncertainty", "40", "--seed", "5"])
            #expect(plain.status == 0 && spread.status == 0, "\(command): \(spread.stderr)")
            // Byte for byte: the exact JSON, its closing brace replaced by one more key.
            #expect(plain.stdout.hasSuffix("\n}\n"))
            #expect(spread.stdout.hasPrefix(plain.stdout.dropLast(3) + ",\n  \"uncertainty\": {\n"), "\(command)")
            var extended = try object(spread.stdout)
            let uncertainty = try #require(extended.removeValue(forKey: "uncertainty") as? [String: Any], "\(command)")
            #expect(Set(extended.keys) == Set(try object(plain.stdout).keys))
            #expect(uncertainty["worlds"] as? Int == 40 && uncertainty["seed"] as? Int == 5 && uncertainty["interval"] as? [Int] == [5, 95])
            #expect((uncertainty["uncertainFacts"] as? Int ?? 0) > 0)
            // Rankings list as many items as the exact list, in its order, with the exact values.
            if let items = uncertainty["items"] as? [[String: Any]] {
                let exactList = (extended["scores"] ?? extended["chokepoints"]) as? [[String: Any]] ?? []
                #expect(items.count == exactList.count && !items.isEmpty)
                for (item, exact) in zip(items, exactList) {
                    #expect(item["id"] as? String == exact["id"] as? String && item["source"] as? String == exact["source"] as? String)
                    #expect(item["exact"] as? Double == (exact["score"] ?? exact["impact"]) as? Double)
                    let low = item["low"] as! Double, high = item["high"] as! Double, p = item["topProbability"] as! Double
                    #expect(low <= high && (0 ... 1).contains(p))
                }
            } else {
                let lost = try #require(uncertainty["lostPairs"] as? [String: Any])
                #expect(lost["exact"] as? Int == extended["lostPairs"] as? Int)
                let distribution = try #require(uncertainty["distribution"] as? [[String: Int]])
                #expect(distribution.reduce(0) { $0 + $1["worlds"]! } == 40)
            }
            // Same input, same bytes.
            #expect(try runEcograph(command + ["--format", "json", "--uncertainty", "40", "--seed", "5"]).stdout == spread.stdout)
        }
    }

    @Test("table and CSV carry the interval columns")
    func tableAndCSV() throws {
        let csv = try runEcograph(["chokepoints", "--uncertainty", "30", "--top", "3", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "rank,id,label,kind,impact,dependents,mean,low,high,top_probability,rank_low,rank_high")
        #expect(lines.count == 4)
        let centrality = try runEcograph(["centrality", "--measure", "pagerank", "--uncertainty", "30", "--top", "3", "--format", "csv"])
        #expect(centrality.stdout.hasPrefix("rank,id,label,kind,score,mean,low,high,top_probability,rank_low,rank_high\n"))
        let whatif = try runEcograph(["whatif", "--remove", "nvidia", "--uncertainty", "30", "--format", "csv"])
        #expect(whatif.stdout.hasPrefix("scenario,consumer,label,lost,lost ids,cut_off_probability,mean_lost,lost_low,lost_high\n"))
        let table = try runEcograph(["centrality", "--measure", "pagerank", "--uncertainty", "30", "--top", "3"])
        #expect(table.stdout.contains("90% interval") && table.stdout.contains("P(top 3)") && table.stdout.contains("30 sampled worlds (seed 0"))
        let scenario = try runEcograph(["whatif", "--remove", "nvidia", "--uncertainty", "30"])
        #expect(scenario.stdout.contains("over 30 sampled worlds") && scenario.stdout.contains("P(cut off)"))
    }

    @Test("a generic graph has no confidences: one note, and the intervals are the exact values")
    func genericGraphs() throws {
        let path = Fixtures.path("cli/triangle.txt")
        let result = try runEcograph(["chokepoints", path, "--uncertainty", "25", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("note: ") && result.stderr.contains("every sampled world is the full map"))
        let items = try #require((try object(result.stdout)["uncertainty"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        for item in items {
            let exact = item["exact"] as! Double
            #expect(item["mean"] as? Double == exact && item["low"] as? Double == exact && item["high"] as? Double == exact)
        }
        // A CSV file with a confidence column is sampled.
        let csv = try runEcograph(["chokepoints", Fixtures.path("cli/confident.csv"), "--uncertainty", "400", "--format", "json"])
        #expect(csv.status == 0 && csv.stderr.isEmpty, "\(csv.stderr)")
        let spread = try #require(try object(csv.stdout)["uncertainty"] as? [String: Any])
        #expect(spread["uncertainFacts"] as? Int == 3)
        let core = try #require((spread["items"] as? [[String: Any]])?.first { $0["id"] as? String == "core" })
        #expect((core["low"] as! Double) < (core["high"] as! Double))
        // The bundled map has uncertain facts: no note.
        #expect(try runEcograph(["chokepoints", "--uncertainty", "5", "--top", "2"]).stderr.isEmpty)
    }
}
