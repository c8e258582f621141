import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct TimelineCommandTests {
    private let dated = Fixtures.path("ecosystems/dated-timeline.yaml")

    /// CSV rows as dictionaries by header.
    private func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func impactCSVHasTheHandWorkedValues() throws {
        let result = try runEcograph(["timeline", dated, "--measure", "impact", "--from", "2019", "--to", "2022", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("date,id,label,kind,value,rank\n2019,chipco,ChipCo,company,1,1\n"))
        var impact: [String: [String: String]] = [:]
        for row in rows(result.stdout) { impact[row["date"]!, default: [:]][row["id"]!] = "\(row["value"]!)#\(row["rank"]!)" }
        // The values worked by hand in the fixture's header comment, with their competition ranks.
        #expect(impact["2019"] == ["chipco": "1#1", "chip-a": "0#2", "lab": "0#2", "kenya": "0#2", "us": "0#2"])
        #expect(impact["2020"] == ["chipco": "2#1", "chip-a": "2#1", "lab": "1#3", "model-x": "0#4", "kenya": "0#4", "us": "0#4"])
        #expect(impact["2021"] == ["chip-a": "4#1", "model-x": "4#1", "chipco": "3#3", "lab": "2#4", "kenya": "0#5", "us": "0#5"])
        #expect(impact["2022"] == ["model-x": "5#1", "chipco": "4#2", "chip-a": "2#3", "chip-b": "2#3", "lab": "2#3", "kenya": "0#6", "us": "0#6"])
    }

    /// Each date's PageRank equals `centrality --as-of DATE` (another command, another code path: the file
    /// filtered as of the day and loaded afresh).
    @Test func pagerankCSVEqualsCentralityAsOfEachDate() throws {
        let result = try runEcograph(["timeline", dated, "--measure", "pagerank", "--from", "2022-10", "--to", "2024-01", "--step", "quarter", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let timeline = rows(result.stdout)
        let dates = ["2022-10", "2023-01", "2023-04", "2023-07", "2023-10", "2024-01"]
        var seen: [String] = []
        for row in timeline where seen.last != row["date"] { seen.append(row["date"]!) }
        #expect(seen == dates)
        for date in dates {
            let single = try runEcograph(["centrality", dated, "--measure", "pagerank", "--as-of", date, "--format", "csv"])
            let expected = Dictionary(uniqueKeysWithValues: rows(single.stdout).map { ($0["id"]!, ($0["score"]!, $0["rank"]!)) })
            let got = Dictionary(uniqueKeysWithValues: timeline.filter { $0["date"] == date }.map { ($0["id"]!, ($0["value"]!, $0["rank"]!)) })
            #expect(Set(got.keys) == Set(expected.keys), "\(date)")
            for (id, (score, rank)) in expected {
                #expect(got[id]?.0 == score && got[id]?.1 == rank, "\(date) \(id): \(String(describing: got[id])) vs \(score) #\(rank)")
            }
        }
    }

    @Test func jsonShapeReusedSnapshotsAndTop() throws {
        let result = try runEcograph(["timeline", dated, "--measure", "impact", "--step", "year", "--format", "json", "--top", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "impact" && object["model"] as? String == "reach" && object["consumers"] as? String == "all")
        // Without --from/--to: the file's dates, from 2019 (chip-a) to 2025 (the lifting).
        #expect(object["dates"] as? [String] == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"])
        let snapshots = try #require(object["snapshots"] as? [[String: Any]])
        #expect(snapshots.map { $0["nodes"] as? Int } == [5, 6, 6, 7, 7, 7, 7])
        #expect(snapshots.map { $0["edges"] as? Int } == [1, 3, 4, 6, 6, 6, 6])
        // 2023-01-01 is 2022's map (model-y comes in June); 2025 only lifts a restriction, outside this view.
        #expect(snapshots.map { $0["sameAs"] as? Int } == [nil, nil, nil, nil, 3, nil, 5])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        // The first two of any date, ordered by their rank on the last date, then id.
        #expect(nodes.map { $0["id"] as? String } == ["chip-b", "chipco", "model-x", "chip-a"])
        let chipA = try #require(nodes.first { $0["id"] as? String == "chip-a" })
        #expect((chipA["values"] as? [Any])?.map { $0 as? Int } == [0, 2, 4, 2, 2, nil, nil])
        #expect((chipA["ranks"] as? [Any])?.map { $0 as? Int } == [2, 1, 1, 3, 3, nil, nil])
        #expect(Set(nodes[0].keys) == ["id", "label", "kind", "values", "ranks"])
    }

    @Test func wideCSVAndTableAndChart() throws {
        let wide = try runEcograph(["timeline", dated, "--measure", "impact", "--from", "2020", "--to", "2021", "--format", "csv", "--wide"])
        #expect(wide.status == 0, "\(wide.stderr)")
        let lines = wide.stdout.split(separator: "\n")
        #expect(lines.first == "id,label,kind,value 2020,value 2021,rank 2020,rank 2021")
        #expect(lines.contains("chip-a,Chip A,technology,2,4,1,1"))
        #expect(lines.contains("model-x,Model X,model,0,4,4,1"))

        let table = try runEcograph(["timeline", dated, "--measure", "impact", "--from", "2021", "--to", "2021", "--top", "2"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("2021     1  chip-a   Chip A   technology       4\n         1  model-x  Model X  model            4\n"))
        #expect(!table.stdout.contains("chipco"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("ranks.svg").path
        let run = try runEcograph(["timeline", dated, "--measure", "impact", "--top", "3", "--chart", chart])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<g class=\"series\" data-id=\"chip-b\""))
        #expect(run.stderr.hasPrefix("wrote \(chart): the first 3 of 7 dates"))
    }

    @Test func badDatesStepsAndRangesExitWithOneMessage() throws {
        for (arguments, message) in [
            (["--from", "2024-13"], "The value '2024-13' is invalid for '--from <date>'"),
            (["--to", "soon"], "The value 'soon' is invalid for '--to <date>'"),
            (["--step", "week"], "The value 'week' is invalid for '--step <step>'"),
            (["--from", "2026", "--to", "2020"], "--from 2026 is after --to 2020"),
            (["--from", "2020", "--to", "2021", "--as-of", "2020"], "--as-of does not apply to timeline"),
            (["--from", "0001", "--to", "9999", "--step", "month"], "is 119988 dates; at most 10000"),
        ] {
            let result = try runEcograph(["timeline", dated, "--measure", "impact"] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            let errors = result.stderr.split(separator: "\n").filter { $0.contains("rror") || $0.hasPrefix("ecograph:") }
            #expect(errors.count == 1 && errors[0].contains(message), "\(arguments): \(result.stderr)")
        }
        let edge = try runEcograph(["timeline", dated, "--measure", "edge-betweenness"])
        #expect(edge.status != 0 && edge.stderr.contains("The value 'edge-betweenness' is invalid for '--measure <measure>'"))
        // A graph without dates needs both ends; an unknown selection is the analysis's one-line error.
        let undated = try runEcograph(["timeline", Fixtures.path("ecosystems/small.yaml"), "--measure", "pagerank"])
        #expect(undated.status == 1 && undated.stderr.hasSuffix("small.yaml has no dates: give --from and --to\n"))
        let unknown = try runEcograph(["timeline", dated, "--measure", "impact", "--consumers", "kind:robot", "--from", "2020", "--to", "2021"])
        #expect(unknown.status == 1 && unknown.stderr == "ecograph: no node has kind 'robot'\n")
    }

    @Test func anUndatedFileGivesTheSameValuesOnEveryDate() throws {
        let small = Fixtures.path("ecosystems/small.yaml")
        let result = try runEcograph(["timeline", small, "--measure", "pagerank", "--from", "2019", "--to", "2021", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let whole = try runEcograph(["centrality", small, "--measure", "pagerank", "--format", "csv"])
        let expected = rows(whole.stdout).map { "\($0["id"]!),\($0["score"]!),\($0["rank"]!)" }
        for date in ["2019", "2020", "2021"] {
            #expect(rows(result.stdout).filter { $0["date"] == date }.map { "\($0["id"]!),\($0["value"]!),\($0["rank"]!)" } == expected, "\(date)")
        }
    }

    @Test func helpHasExamples() throws {
        let result = try runEcograph(["timeline", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:") && result.stdout.contains("ecograph timeline deps.yaml --measure pagerank --from 2019 --to 2026\n"))
        #expect(result.stdout.contains("impact") && result.stdout.contains("pagerank") && !result.stdout.contains("edge-betweenness"))
    }
}
