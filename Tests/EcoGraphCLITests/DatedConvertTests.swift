import EcoGraphTestSupport
import Foundation
import Testing

/// `convert` with dates and confidences: what each format keeps (and the note for what it drops), `--as-of`
/// and `--min-confidence` on a written file against the same on the ecosystem, and bad dates in a generic file.
@Suite struct DatedConvertTests {
    let dated = Fixtures.path("ecosystems/dated-interop.yaml")

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-dated-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func eachFormatSaysWhichDatesItDrops() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let notes = [
            "g.graphml": [],
            "g.dot": [],
            "g.csv": ["note: CSV holds edge dates and confidences only: the dates of 7 nodes and the confidences of 2 nodes are dropped (GraphML and DOT keep them)"],
            "g.txt": ["note: an edge list holds no dates or confidences: the dates of 7 nodes and 10 edges and the confidences of 2 nodes and 1 edge are dropped (GraphML and DOT keep them)"],
        ]
        for (name, expected) in notes.sorted(by: { $0.key < $1.key }) {
            let result = try runEcograph(["convert", dated, "-o", "\(dir)/\(name)"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").map(String.init) == expected + ["wrote \(dir)/\(name): 10 nodes, 16 edges"], "\(name)")
        }
        // An undated graph gets no note.
        let plain = try runEcograph(["convert", "\(dir)/g.txt", "-o", "\(dir)/again.txt"])
        #expect(plain.status == 0 && !plain.stderr.contains("note:"), "\(plain.stderr)")
    }

    @Test func asOfOnTheWrittenFileIsAsOfOnTheEcosystem() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["full.graphml", "full.dot"] {
            #expect(try runEcograph(["convert", dated, "-o", "\(dir)/\(name)"]).status == 0)
        }
        var sizes = Set<String>()
        for day in ["2019-06", "2022-10-07", "2023-06", "2024-06-15", "2024-11-20", "2025-03", "2025-12", "2026"] {
            let typed = try runEcograph(["convert", dated, "--as-of", day, "-o", "-", "--output-format", "edgelist"])
            #expect(typed.status == 0, "\(typed.stderr)")
            let count = typed.stderr.split(separator: "\n").last.map(String.init) ?? ""
            sizes.insert(count)
            for name in ["full.graphml", "full.dot"] {
                let generic = try runEcograph(["convert", "\(dir)/\(name)", "--as-of", day, "-o", "-", "--output-format", "edgelist"])
                #expect(generic.status == 0, "\(generic.stderr)")
                #expect(generic.stdout == typed.stdout, "\(name) as of \(day)")
                #expect(generic.stderr.split(separator: "\n").last.map(String.init) == count, "\(name) as of \(day)")
            }
        }
        #expect(sizes.count >= 6, "\(sizes.sorted())")
        // As of 2024-06-15, by hand (see DatedInteropTests): eight nodes, ten edges.
        #expect(sizes.contains("wrote -: 8 nodes, 10 edges"))
        // --min-confidence likewise, with and without a day.
        for arguments in [["--min-confidence", "0.65"], ["--min-confidence", "0.75", "--as-of", "2025-12"], ["--min-confidence", "0.95"]] {
            let typed = try runEcograph(["convert", dated, "-o", "-", "--output-format", "edgelist"] + arguments)
            let generic = try runEcograph(["convert", "\(dir)/full.graphml", "-o", "-", "--output-format", "edgelist"] + arguments)
            #expect(typed.status == 0 && generic.status == 0 && generic.stdout == typed.stdout, "\(arguments)")
            #expect(generic.stderr.split(separator: "\n").last == typed.stderr.split(separator: "\n").last, "\(arguments)")
        }
    }

    @Test func badDatesInAGenericFileAreOneLineEachAndExitOne() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/bad.csv"
        try "source,target,since,until\na,b,2024-13,\nb,c,2025,2024\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runEcograph(["convert", path, "-o", "\(dir)/out.graphml"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(path):2:5: edge 'a' -> 'b': since '2024-13' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
            "\(path):3:10: edge 'b' -> 'c': until 2024 is not after since 2025 (until is exclusive)",
        ])
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.graphml"))
        // GraphML and DOT likewise, a date on the graph itself included.
        let files = [
            "bad.graphml": ("<graphml><key id=\"s\" for=\"all\" attr.name=\"since\"/><graph>\n<data key=\"s\">2024</data>\n"
                + "<node id=\"a\"><data key=\"s\">2024-1</data></node>\n</graph></graphml>\n",
                            ["2:1: a date ('since') on the <graph> element: only nodes and edges carry dates",
                             "3:14: node 'a': since '2024-1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)"]),
            "bad.dot": ("graph {\n  since=2024;\n  a -- b [until=\"2024-02\", since=\"2024-02-01\"];\n}\n",
                        ["2:9: a date ('since') on a graph or subgraph: only nodes and edges carry dates",
                         "3:17: edge 'a' -- 'b': until 2024-02 is not after since 2024-02-01 (until is exclusive)"]),
        ]
        for (name, (text, lines)) in files.sorted(by: { $0.key < $1.key }) {
            let file = "\(dir)/\(name)"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let read = try runEcograph(["stats", file])
            #expect(read.status == 1 && read.stdout.isEmpty, "\(name)")
            #expect(read.stderr.split(separator: "\n").map(String.init) == lines.map { "\(file):\($0)" }, "\(name)")
        }
    }

    @Test func asOfWritesTheSnapshotAsAnEcosystemToo() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for day in ["2022-10-07", "2024-06-15", "2025-12"] {
            let file = "\(dir)/\(day).yaml"
            #expect(try runEcograph(["convert", dated, "--as-of", day, "-o", file]).status == 0)
            let written = try runEcograph(["convert", file, "-o", "-", "--output-format", "edgelist"])
            let typed = try runEcograph(["convert", dated, "--as-of", day, "-o", "-", "--output-format", "edgelist"])
            #expect(written.status == 0 && written.stdout == typed.stdout, "\(day): \(written.stderr)")
            #expect(written.stderr.split(separator: "\n").last == typed.stderr.split(separator: "\n").last, "\(day)")
        }
    }
}
