import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct DiffCommandTests {
    let dated = Fixtures.path("ecosystems/dated.yaml")

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runEcograph(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func ids(_ list: Any?, _ key: String = "id") -> [String] {
        (list as? [[String: Any]] ?? []).map { $0[key] as? String ?? "?" }
    }

    /// Edges as `from>to:kind` or `id:ID`, as the diff keys them.
    private func edges(_ list: Any?) -> [String] {
        (list as? [[String: Any]] ?? []).map { e in
            if let id = e["id"] as? String { return "id:" + id }
            return "\(e["from"]!)>\(e["to"]!):\(e["kind"]!)"
        }
    }

    @Test func oneFileAtTwoDatesInJSON() throws {
        let object = try json(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--format", "json"])
        let before = try #require(object["before"] as? [String: Any]), after = try #require(object["after"] as? [String: Any])
        #expect(before["name"] as? String == dated && before["asOf"] as? String == "2022-01-01" && after["asOf"] as? String == "2025-06-01")
        let nodes = try #require(object["nodes"] as? [String: Any])
        #expect(ids(nodes["added"]) == ["chip-b", "model-new"])
        #expect(ids(nodes["removed"]) == ["model-old"])
        #expect(ids(nodes["changed"]).isEmpty)
        let edgeSets = try #require(object["edges"] as? [String: Any])
        #expect(edges(edgeSets["added"]) == ["id:ctrl-a", "cnchip>chip-b:develops", "kenya>model-new:adopts", "lab>model-new:develops",
                                             "model-new>chip-b:builds_on"])
        // The entity listing lifted on 2024-05-01 is out of force in 2025; the ban imposed and lifted in 2023 on neither day.
        #expect(edges(edgeSets["removed"]) == ["id:list-lab", "kenya>model-old:adopts", "lab>model-old:develops", "model-old>chip-a:builds_on"])
        let listLab = try #require((edgeSets["removed"] as? [[String: Any]])?.first)
        #expect(listLab["sources"] as? [String] == ["listing", "delisting"])
        // Reach: kenya swaps one chain for another.
        let reach = try #require(object["reach"] as? [String: Any])
        #expect(reach["compared"] as? Int == 8 && reach["lostPairs"] as? Int == 3 && reach["gainedPairs"] as? Int == 3)
        let change = try #require((reach["changes"] as? [[String: Any]])?.first)
        #expect(change["id"] as? String == "kenya")
        #expect(change["lost"] as? [String] == ["chip-a", "chipco", "model-old"])
        #expect(change["gained"] as? [String] == ["chip-b", "cnchip", "model-new"])
        // Chokepoints (impact by hand: model-old 4 = kenya loses model-old, chip-a, chipco and lab... through it).
        let chokepoints = try #require(object["chokepoints"] as? [String: Any])
        let shifts = try #require(chokepoints["shifts"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: shifts.map { ($0["id"] as! String, $0) })
        #expect(byID["model-old"]?["movement"] as? String == "left" && byID["model-old"]?["impactBefore"] == nil)
        #expect(byID["model-old"]?["scoreBefore"] as? Double == 4 && byID["model-old"]?["rankAfter"] is NSNull)
        #expect(byID["chipco"]?["movement"] as? String == "moved" && byID["chipco"]?["scoreBefore"] as? Double == 3
                && byID["chipco"]?["scoreAfter"] as? Double == 1)
        #expect(byID["cnchip"]?["movement"] as? String == "entered" && byID["cnchip"]?["rankAfter"] as? Int == 3)
        #expect(Set(byID.keys) == ["chip-a", "chip-b", "model-new", "model-old", "chipco", "cnchip"])
    }

    @Test func rankingShiftsEqualTheCentralityOfEachDay() throws {
        for measure in ["pagerank", "betweenness", "in-degree"] {
            let object = try json(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--measure", measure, "--top", "4", "--format", "json"])
            func ranks(_ day: String) throws -> [String: Int] {
                let ranking = try json(["centrality", dated, "--as-of", day, "--measure", measure, "--format", "json"])
                return Dictionary(uniqueKeysWithValues: (ranking["scores"] as! [[String: Any]]).map { ($0["id"] as! String, $0["rank"] as! Int) })
            }
            let before = try ranks("2022-01-01"), after = try ranks("2025-06-01")
            var expected: [String: String] = [:]
            for id in Set(before.keys).union(after.keys) {
                let wasIn = (before[id] ?? .max) <= 4, isIn = (after[id] ?? .max) <= 4
                if !wasIn && isIn { expected[id] = "entered" }
                if wasIn && !isIn { expected[id] = "left" }
                if wasIn && isIn && before[id] != after[id] { expected[id] = "moved" }
            }
            let ranking = try #require(object["ranking"] as? [String: Any])
            #expect(ranking["measure"] as? String == measure && ranking["top"] as? Int == 4)
            let shifts = try #require(ranking["shifts"] as? [[String: Any]])
            #expect(Dictionary(uniqueKeysWithValues: shifts.map { ($0["id"] as! String, $0["movement"] as! String) }) == expected, "\(measure)")
            for shift in shifts {
                let id = shift["id"] as! String
                #expect((shift["rankBefore"] as? Int) == before[id] && (shift["rankAfter"] as? Int) == after[id], "\(measure) \(id)")
            }
        }
    }

    @Test func theTableSaysWhatChanged() throws {
        let result = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "before: \(dated) as of 2022-01-01")
        #expect(lines[2] == "nodes: 2 added, 1 removed, 0 changed; edges: 5 added, 4 removed, 0 changed")
        #expect(lines.contains("us         chip-a     export_controls  ctrl-a  ctrl-rule"))
        #expect(lines.contains("us         lab        export_controls  list-lab  listing, delisting"))
        #expect(lines.contains("Chokepoint impact (reach), top 10: 3 entered, 2 left, 1 moved"))
        #expect(lines.contains("Reach (consumers: all, 8 compared; providers: all): 3 pairs lost, 3 gained; 1 consumer changed"))
        #expect(lines.last == "kenya     kenya     3       3  chip-a, chipco, model-old  chip-b, cnchip, model-new")
        // Same input, same bytes.
        #expect(try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01"]).stdout == result.stdout)
    }

    @Test func pastTheListLimitOnlyCountsAreGiven() throws {
        let object = try json(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--max-listed-pairs", "5", "--format", "json"])
        let reach = try #require(object["reach"] as? [String: Any])
        #expect(reach["listed"] as? Bool == false && reach["lostPairs"] as? Int == 3 && reach["gainedPairs"] as? Int == 3)
        let change = try #require((reach["changes"] as? [[String: Any]])?.first)
        #expect(change["lostCount"] as? Int == 3 && change["gainedCount"] as? Int == 3)
        #expect((change["lost"] as? [String])?.isEmpty == true && (change["gained"] as? [String])?.isEmpty == true)
        let listed = try json(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--max-listed-pairs", "6", "--format", "json"])
        #expect((listed["reach"] as? [String: Any])?["listed"] as? Bool == true)
        let csv = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--max-listed-pairs", "0", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").filter { $0.hasPrefix("reach,") } == ["reach,lost,kenya,kenya,kenya,,country,count,,3,", "reach,gained,kenya,kenya,kenya,,country,count,,3,"])
    }

    @Test func consumersAndProvidersSelectThePairs() throws {
        let object = try json(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--consumers", "country", "--providers", "model",
                               "--format", "json"])
        let reach = try #require(object["reach"] as? [String: Any])
        #expect(reach["consumers"] as? String == "country" && reach["providers"] as? String == "model" && reach["compared"] as? Int == 2)
        let change = try #require((reach["changes"] as? [[String: Any]])?.first)
        #expect(change["lost"] as? [String] == ["model-old"] && change["gained"] as? [String] == ["model-new"])
    }

    @Test func twoFilesReportChangedFieldsBothWays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: dated, encoding: .utf8)
        text = text.replacingOccurrences(of: "label: Chip A,", with: "label: Chip A1,")
        text = text.replacingOccurrences(of: "{from: chipco, to: chip-a, kind: develops, sources: [\"seed:L6\"]}",
                                         with: "{from: chipco, to: chip-a, kind: develops, weight: 2, sources: [\"seed:L6\", listing]}")
        text = text.replacingOccurrences(of: "scope: jurisdiction, since: 2022-10-07", with: "scope: entity, since: 2022-10-07, lifted: 2025-01-15")
        text += "  - {from: italy, to: chip-b, kind: adopts, sources: [\"seed:L26\"]}\n"
        let edited = folder.appendingPathComponent("edited.yaml").path
        try text.write(toFile: edited, atomically: true, encoding: .utf8)

        let object = try json(["diff", dated, edited, "--format", "json"])
        let nodes = try #require(object["nodes"] as? [String: Any])
        let changed = try #require((nodes["changed"] as? [[String: Any]]))
        #expect(ids(changed) == ["chip-a"])
        let label = try #require((changed[0]["changes"] as? [[String: Any]])?.first)
        #expect(label["field"] as? String == "label" && label["before"] as? String == "Chip A" && label["after"] as? String == "Chip A1")
        let edgeSets = try #require(object["edges"] as? [String: Any])
        #expect(edges(edgeSets["added"]) == ["italy>chip-b:adopts"] && edges(edgeSets["removed"]).isEmpty)
        let changedEdges = try #require(edgeSets["changed"] as? [[String: Any]])
        #expect(edges(changedEdges) == ["id:ctrl-a", "chipco>chip-a:develops"])
        func fields(_ edge: [String: Any]) -> [[String?]] {
            (edge["changes"] as! [[String: Any]]).map { [$0["field"] as? String, $0["before"] as? String, $0["after"] as? String] }
        }
        #expect(fields(changedEdges[0]) == [["scope", "jurisdiction", "entity"], ["lifted", nil, "2025-01-15"]])
        #expect(fields(changedEdges[1]) == [["weight", "1", "2"], ["sources", "seed:L6", "listing, seed:L6"]])

        // The other way round: added and removed swap, and so do the values.
        let back = try json(["diff", edited, "--against", dated, "--format", "json"])
        let backEdges = try #require(back["edges"] as? [String: Any])
        #expect(edges(backEdges["removed"]) == ["italy>chip-b:adopts"] && edges(backEdges["added"]).isEmpty)
        #expect(fields((backEdges["changed"] as! [[String: Any]])[0]) == [["scope", "entity", "jurisdiction"], ["lifted", "2025-01-15", nil]])
        // A file against itself: nothing.
        let same = try json(["diff", edited, edited, "--format", "json"])
        #expect(ids((same["nodes"] as! [String: Any])["added"]).isEmpty && edges((same["edges"] as! [String: Any])["changed"]).isEmpty)
        #expect(((same["reach"] as! [String: Any])["changes"] as! [Any]).isEmpty)
    }

    @Test func genericGraphsAndTheFactFilterOnBothSides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        // Edge lists: b -> c becomes a -> c; b no longer reaches c, a still reaches both.
        let a = try write("a.txt", "a b\nb c\n"), b = try write("b.txt", "a b\na c\n")
        let generic = try json(["diff", a, b, "--format", "json"])
        let edgeSets = try #require(generic["edges"] as? [String: Any])
        #expect(edges(edgeSets["added"]) == ["a>c:"] && edges(edgeSets["removed"]) == ["b>c:"])
        let reach = try #require(generic["reach"] as? [String: Any])
        #expect(ids(reach["changes"]) == ["b"] && (reach["changes"] as? [[String: Any]])?.first?["lost"] as? [String] == ["c"])
        // Undirected, the same edges: b still reaches c through a.
        let undirected = try json(["diff", a, b, "--undirected", "--format", "json"])
        #expect(((undirected["reach"] as? [String: Any])?["changes"] as? [Any])?.isEmpty == true)

        // The fact filter reads both files: a node below the confidence floor is on neither side.
        let x = try write("x.yaml", "nodes:\n  - {id: t, kind: technology}\n")
        let y = try write("y.yaml", "nodes:\n  - {id: t, kind: technology}\n  - {id: u, kind: technology, confidence: 0.5}\n")
        #expect(ids((try json(["diff", x, y, "--format", "json"])["nodes"] as? [String: Any])?["added"]) == ["u"])
        #expect(ids((try json(["diff", x, y, "--min-confidence", "0.6", "--format", "json"])["nodes"] as? [String: Any])?["added"]).isEmpty)
        #expect(ids((try json(["diff", y, "--against", x, "--min-confidence", "0.6", "--format", "json"])["nodes"] as? [String: Any])?["removed"]).isEmpty)
    }

    @Test func aFileWithoutDatesIsEmptyAtTwoDates() throws {
        let object = try json(["diff", Fixtures.path("ecosystems/supply-chain.yaml"), "--as-of", "2019", "--against", "2025-06-01", "--format", "json"])
        for section in ["nodes", "edges"] {
            let lists = try #require(object[section] as? [String: Any])
            for key in ["added", "removed", "changed"] { #expect((lists[key] as? [Any])?.isEmpty == true, "\(section).\(key)") }
        }
        #expect(((object["ranking"] as! [String: Any])["shifts"] as! [Any]).isEmpty)
        #expect(((object["chokepoints"] as! [String: Any])["shifts"] as! [Any]).isEmpty)
        #expect(((object["reach"] as! [String: Any])["changes"] as! [Any]).isEmpty)
    }

    @Test func csvHasOneRowPerChange() throws {
        let result = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "section,change,id,label,from,to,kind,field,before,after,sources")
        #expect(lines.contains("node,added,chip-b,Chip B,,,technology,,,,seed:L6"))
        #expect(lines.contains("edge,removed,list-lab,,us,lab,export_controls,,,,listing delisting"))
        #expect(lines.contains("chokepoints,moved,chipco,chipco,,,company,impact,3.0,1.0,"))
        #expect(lines.contains("reach,lost,kenya,kenya,kenya,chip-a,country,,,,"))
        #expect(lines.filter { $0.hasPrefix("reach,") }.count == 6)
        #expect(lines.filter { $0.hasPrefix("edge,added,") }.count == 5)
    }

    @Test func theDiagramMarksTheChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("diff.dot").path, svg = folder.appendingPathComponent("diff.svg").path
        let result = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--diagram", dot, "--context", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(text.contains("\"label\"=\"\(dated): as of 2022-01-01 → as of 2025-06-01\""))
        #expect(text.contains("\"model-old\" [\"class\"=\"kind-model removed\""))
        #expect(text.contains("\"model-new\" [\"class\"=\"kind-model added\""))
        #expect(text.contains("\"us\" -> \"chip-a\" [\"arrowhead\"=\"tee\", \"class\"=\"role-restriction kind-export_controls added\", \"color\"=\"#2f9e44\""))
        // Context 0 keeps only the changes and their ends: italy and cn are untouched.
        #expect(!text.contains("\"italy\" [") && !text.contains("\"cn\" ["))
        let rendered = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--diagram", svg, "--layout", "dot"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let image = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(image.contains("<svg") && image.contains("class=\"node kind&#45;model removed\"") && image.contains("<title>italy</title>"))
    }

    @Test func helpExplainsTheTwoFormsWithExamples() throws {
        let result = try runEcograph(["diff", "--help"])
        #expect(result.status == 0)
        for text in ["Examples:", "ecograph diff old.yaml new.yaml", "ecograph diff map.yaml --as-of 2022-01-01 --against 2025-06-01",
                     "Changes are counted from A to B", "USAGE: ecograph diff [<options>] [<file>] [<file-b>]", "--against <date|file>"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        let measures = result.stdout.components(separatedBy: "--measure <measure>").last ?? ""
        #expect(measures.contains("edge-betweenness") && measures.contains("core-number"))
        let root = try runEcograph(["--help"])
        #expect(root.stdout.contains("diff") && root.stdout.contains("Compare two maps"))
    }

    @Test func errorsAreOneLineAndExitOne() throws {
        let badDate = try runEcograph(["diff", dated, "--against", "2024-13"])
        #expect(badDate.status == 1 && badDate.stdout.isEmpty)
        #expect(badDate.stderr == "ecograph: --against: '2024-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD with a real month and day)\n")
        let missing = try runEcograph(["diff", dated, "/no/such/file.yaml"])
        #expect(missing.status == 1 && missing.stderr == "/no/such/file.yaml: no such file\n")
        let missingAgainst = try runEcograph(["diff", dated, "--against", "/no/such/file.yaml"])
        #expect(missingAgainst.status == 1 && missingAgainst.stderr == "/no/such/file.yaml: no such file\n")
        let unknown = try runEcograph(["diff", dated, "--against", "2025", "--consumers", "id:nobody"])
        #expect(unknown.status == 1 && unknown.stderr == "ecograph: unknown node id 'nobody'\n")
        let badDiagram = try runEcograph(["diff", dated, "--against", "2025", "--diagram", "out.txt"])
        #expect(badDiagram.status == 1 && badDiagram.stderr == "ecograph: out.txt: the diagram must end in .svg, .png, .pdf or .dot\n")
        // Flag misuse is ArgumentParser's: no second side, both second sides, a bad --as-of.
        for arguments in [["diff", dated], ["diff", dated, dated, "--against", "2025"], ["diff", dated, "--as-of", "2024-13", "--against", "2025"]] {
            let result = try runEcograph(arguments)
            #expect(result.status != 0 && result.stdout.isEmpty, "\(arguments)")
        }
    }
}

@Suite struct ReportAgainstTests {
    @Test func theReportGetsWhatChangedAgainstADayOrAFile() throws {
        let dated = Fixtures.path("ecosystems/dated.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-report-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("r.html").path
        let result = try runEcograph(["report", dated, "--as-of", "2025-06-01", "--against", "2022-01-01", "-o", out, "--layout", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix(", changes against \(dated) as of 2022-01-01\n"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<section id=\"changes\"><h2>What changed</h2>"))
        // The diagram and the diff diagram, besides the robustness chart.
        #expect(html.components(separatedBy: "<svg").count - html.components(separatedBy: "<svg class=\"robustness-chart\"").count == 2)
        // The section's data is `ecograph diff`'s JSON for the same two sides.
        let diff = try runEcograph(["diff", dated, "--as-of", "2022-01-01", "--against", "2025-06-01", "--top", "15", "--format", "json"])
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"ecograph-data\">")).upperBound
        let end = try #require(html.range(of: "</script>", range: start ..< html.endIndex)).lowerBound
        let data = try #require(try JSONSerialization.jsonObject(with: Data(html[start ..< end].utf8)) as? [String: Any])
        let changes = try #require((data["diff"] as? [String: Any])?["changes"] as? [String: Any])
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        #expect((changes["before"] as? [String: Any])?["asOf"] as? String == "2022-01-01")
        #expect(NSDictionary(dictionary: changes) == NSDictionary(dictionary: expected))

        let bad = try runEcograph(["report", dated, "--against", "2024-13", "-o", out + ".2"])
        #expect(bad.status == 1 && bad.stderr == "ecograph: --against: '2024-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD with a real month and day)\n")
        #expect(!FileManager.default.fileExists(atPath: out + ".2"))
        let missing = try runEcograph(["report", dated, "--against", "/no/such/file.yaml", "-o", out + ".3"])
        #expect(missing.status == 1 && missing.stderr == "/no/such/file.yaml: no such file\n")
    }
}
