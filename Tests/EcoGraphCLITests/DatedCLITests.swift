import EcoGraphTestSupport
import Foundation
import Testing

/// `--as-of`, `--min-confidence`, `--exclude-inferred` and the date checks through the binary.
@Suite("CLI: dates and the fact filter")
struct DatedCLITests {
    private let dated = Fixtures.path("ecosystems/dated-restrictions.yaml")

    private func whatIf(_ extra: [String]) throws -> [String: Any] {
        let result = try runEcograph(["whatif", dated, "--apply", "us-ctl,kr-ban", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func losses(_ json: [String: Any]) -> [String] {
        ((json["affected"] as? [[String: Any]]) ?? []).map { "\($0["id"]!):\(($0["lost"] as? [String] ?? []).joined(separator: "+"))" }
    }

    private func skipped(_ json: [String: Any]) -> [String] {
        ((json["skipped"] as? [[String: Any]]) ?? []).map { "\($0["id"]!): \($0["reason"]!)" }
    }

    @Test("whatif applies the restrictions in force on the day, and lists the others with the reason")
    func whatIfAsOf() throws {
        let record = try whatIf([])
        #expect(losses(record) == ["app:chip", "kr:chip", "model:chip"])
        #expect(skipped(record) == ["kr-ban: lifted on 2025-04-28"])
        let march = try whatIf(["--as-of", "2025-03"])
        #expect(losses(march) == ["kr:app+chip+lab+model", "app:chip", "model:chip"])
        #expect(march["skipped"] == nil)
        let early = try whatIf(["--as-of", "2024"])
        #expect(losses(early).isEmpty)
        #expect(skipped(early) == ["kr-ban: not yet in effect on 2024 (since 2025-02-17)"])
        // Stated facts only: the inferred model -> chip dependency goes, and with it what the control cut.
        let stated = try whatIf(["--as-of", "2025-03", "--exclude-inferred"])
        #expect(losses(stated) == ["kr:app+lab+model"])
        #expect(losses(try whatIf(["--min-confidence", "0.8"])).isEmpty)
        // The table says it too.
        let table = try runEcograph(["whatif", dated, "--apply", "us-ctl,kr-ban"])
        #expect(table.stdout.contains("not applied: kr-ban: lifted on 2025-04-28\n"))
    }

    @Test("the map as of a day: stats count what was alive; a file without dates is the same on every day")
    func snapshotsThroughCommands() throws {
        func counts(_ arguments: [String]) throws -> String {
            let result = try runEcograph(["validate"] + arguments)
            #expect(result.status == 0)
            return result.stderr
        }
        #expect(try counts([dated]).hasSuffix("valid: 7 nodes, 7 edges\n"))
        #expect(try counts([dated, "--as-of", "2023"]).hasSuffix("valid: 5 nodes, 1 edges\n"))
        #expect(try counts([dated, "--as-of", "2025-03-01"]).hasSuffix("valid: 7 nodes, 7 edges\n"))
        #expect(try counts([dated, "--as-of", "2025-04-28"]).hasSuffix("valid: 7 nodes, 6 edges\n"))
        let undated = Fixtures.path("ecosystems/supply-chain.yaml")
        let plain = try runEcograph(["chokepoints", undated, "--format", "json"])
        for day in ["1999", "2025-06-30", "today"] {
            #expect(try runEcograph(["chokepoints", undated, "--format", "json", "--as-of", day]).stdout == plain.stdout)
        }
    }

    @Test("bad dates: one line each with FILE:LINE:COLUMN, all of them, exit 1")
    func badDates() throws {
        let path = Fixtures.path("ecosystems/bad-dates.yaml")
        let result = try runEcograph(["validate", path])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(path):3:45: reference 'r': retrieved 2024-04, before it was published (2024-05)",
            "\(path):5:38: `since` of node 'a' '2024-13' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
            "\(path):6:46: node 'b': until 2022 is not after since 2023 (until is exclusive)",
            "\(path):7:38: `since` of node 'c' 'soon' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
            "\(path):10:5: edge 'b' -> 'd': 'b' (since 2023) depends on 'd', which comes later (since 2026); give the edge its own `since` if the dependency was taken up later",
            "\(path):11:46: `until` of the edge at line 11 '2023-02-30' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
        ])
        let asOf = try runEcograph(["whatif", dated, "--apply", "us-ctl", "--as-of", "2024-13"])
        #expect(asOf.stderr.hasPrefix("Error: --as-of '2024-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a real day, or today)\n"))
        for flags in [["--as-of", "2024-13"], ["--as-of", "soon"], ["--min-confidence", "1.5"], ["--stale-before", "2024"],
                      ["--warnings", "--stale-before", "2024-02-30"]] {
            let bad = try runEcograph(["validate", dated] + flags)
            #expect(bad.status != 0 && bad.stdout.isEmpty && bad.stderr.split(separator: "\n").count == 3, "\(flags)")
            #expect(bad.stderr.hasPrefix("Error: --"), "\(flags)")
        }
    }

    @Test("validate --warnings lists restrictions without a scope and stale facts on stdout, exit 0")
    func warnings() throws {
        let clean = try runEcograph(["validate", dated, "--warnings"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.contains("0 warnings"))
        let stale = try runEcograph(["validate", dated, "--warnings", "--stale-before", "2025"])
        #expect(stale.status == 0)
        let lines = stale.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines.first == "\(dated):9:36: node 'us': newest dated source is from 2022-10-07, before 2025")
        #expect(lines.allSatisfy { $0.hasPrefix(dated + ":") && $0.contains("from 2022-10-07, before 2025") })
        let generic = try runEcograph(["validate", Fixtures.path("cli/triangle.txt"), "--warnings"])
        #expect(generic.status == 1 && generic.stderr == "ecograph: --warnings needs an ecosystem file (.yaml, .yml, .json)\n")
    }
}
