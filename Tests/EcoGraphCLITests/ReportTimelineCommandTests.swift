import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct ReportTimelineCommandTests {
    private let dated = Fixtures.path("ecosystems/dated-timeline.yaml")

    @Test func theSliderHoldsEachDatesImpactAsTheTimelineCommandGivesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-timeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("dated.html").path
        let result = try runEcograph(["report", dated, "-o", output, "--timeline", "quarter", "--timeline-from", "2022-07", "--timeline-to", "2023-12", "--top", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix(", 6 dates on the slider\n"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let open = "<script type=\"application/json\" id=\"ecograph-data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound ..< html.endIndex))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound ..< end.lowerBound].utf8)) as? [String: Any])
        let ids = try #require(data["nodes"] as? [[String: Any]]).map { $0["id"] as! String }
        let timeline = try #require(data["timeline"] as? [String: Any])
        let snapshots = try #require(timeline["snapshots"] as? [[String: Any]])
        #expect(snapshots.map { $0["date"] as? String } == ["2022-07", "2022-10", "2023-01", "2023-04", "2023-07", "2023-10"])
        // Each date's impact: the first four rows of `ecograph timeline` for that date.
        let csv = try runEcograph(["timeline", dated, "--measure", "impact", "--from", "2022-07", "--to", "2023-12", "--step", "quarter", "--format", "csv", "--top", "4"])
        let rows = csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for snapshot in snapshots {
            let date = snapshot["date"] as! String
            let impact = try #require(snapshot["impact"] as? [[Double]])
            let expected = rows.filter { $0[0] == date }.map { "\($0[1]) \($0[4]) \($0[5])" }
            #expect(impact.map { "\(ids[Int($0[0])]) \(Int($0[1])) \(Int($0[2]))" } == expected, "\(date)")
            // Model Y arrives in June 2023.
            #expect((snapshot["nodes"] as! [Int]).contains(ids.firstIndex(of: "model-y")!) == (date >= "2023-07"), "\(date)")
        }
    }

    @Test func sliderFlagsAreCheckedWithOneMessage() throws {
        for (arguments, message) in [
            (["--timeline-from", "2020"], "--timeline-from and --timeline-to go with --timeline STEP"),
            (["--timeline", "year", "--as-of", "2020"], "--as-of and --timeline do not go together"),
            (["--timeline", "year", "--timeline-from", "2025", "--timeline-to", "2020"], "--timeline-from 2025 is after --timeline-to 2020"),
            (["--timeline", "week"], "The value 'week' is invalid for '--timeline <step>'"),
            (["--timeline", "month", "--timeline-from", "2000", "--timeline-to", "2030"], "2000 to 2030 by month is 372 dates; at most 240"),
        ] {
            let result = try runEcograph(["report", dated, "-o", "/tmp/never-\(UUID().uuidString).html"] + arguments)
            #expect(result.status != 0, "\(arguments)")
            let errors = result.stderr.split(separator: "\n").filter { $0.contains("rror") || $0.hasPrefix("ecograph:") }
            #expect(errors.count == 1 && errors[0].contains(message), "\(arguments): \(result.stderr)")
        }
        let undated = try runEcograph(["report", Fixtures.path("ecosystems/small.yaml"), "-o", "/tmp/never.html", "--timeline", "year"])
        #expect(undated.status == 1 && undated.stderr.hasSuffix("has no dates: give --timeline-from and --timeline-to\n"))
    }
}
