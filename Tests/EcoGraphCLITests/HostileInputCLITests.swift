import EcoGraphTestSupport
import Foundation
import Testing

/// Hostile input through the built `ecograph` binary: every reader and writer, each case asserting the exit
/// status, one line per problem (with FILE:LINE:COLUMN where the problem has a place), a time bound, and that
/// no output file is left behind. Big inputs are generated here, not committed.
@Suite(.serialized) struct HostileInputCLITests {
    /// One case: files to write in a fresh folder, a command (`{dir}` stands for the folder), and what must
    /// happen.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: [UInt8]]
        var arguments: [String]
        /// Exit status expected (1 for a refused input, 0 for an input that must be accepted).
        var status: Int32 = 1
        /// Fragments the message must contain, in order.
        var message: [String] = []
        /// The file (relative to the folder) the message must name with a line and column.
        var positionIn: String?
        /// A limit's flag the message must name.
        var raisedBy: String?
        /// An output path (relative) that must not exist afterwards.
        var noOutput: String?
        /// Seconds the command may take (a debug build on a shared 2-core machine).
        var seconds: Double = 10
        /// Symlinks to make: name -> target.
        var links: [String: String] = [:]
        /// For an accepted input: fragments its output (stdout, then stderr) must hold, in order.
        var output: [String] = []

        var testDescription: String { name }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let ecosystem = """
        ecograph: 1
        nodes:
          - {id: a, kind: company}
          - {id: m, kind: model}
        edges:
          - {from: a, to: m, kind: develops, weight: WEIGHT}

        """

    static func aliasBomb(_ header: String) -> [UInt8] {
        var lines = [header, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1 ... 9 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        return text(lines.joined(separator: "\n") + "\n")
    }

    static func nested(_ open: String, _ close: String, depth: Int, inner: String = "1") -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    static let cases: [Case] = {
        var c: [Case] = []
        func add(_ name: String, _ files: [String: [UInt8]], _ arguments: [String], status: Int32 = 1, message: [String] = [],
                 positionIn: String? = nil, raisedBy: String? = nil, noOutput: String? = nil, links: [String: String] = [:],
                 output: [String] = []) {
            c.append(Case(name: name, files: files, arguments: arguments, status: status, message: message, positionIn: positionIn,
                          raisedBy: raisedBy, noOutput: noOutput, links: links, output: output))
        }
        let good = ecosystem.replacingOccurrences(of: "WEIGHT", with: "1")

        // MARK: Ecosystem YAML
        add("YAML alias bomb", ["e.yaml": aliasBomb("ecograph: 1")], ["validate", "{dir}/e.yaml"],
            message: ["YAML alias expansions limit"], positionIn: "e.yaml", raisedBy: "--max-alias-expansions")
        add("YAML nested 300 levels", ["e.yaml": text("ecograph: 1\nx: " + nested("[", "]", depth: 300) + "\n")], ["validate", "{dir}/e.yaml"],
            message: ["nesting depth limit"], positionIn: "e.yaml", raisedBy: "--max-nesting")
        add("YAML nested 20000 levels", ["e.yaml": text("ecograph: 1\nx: " + nested("[", "]", depth: 20_000) + "\n")], ["validate", "{dir}/e.yaml"],
            message: ["nesting depth limit"], raisedBy: "--max-nesting")
        add("YAML empty file", ["e.yaml": []], ["validate", "{dir}/e.yaml"], message: ["e.yaml"])
        add("YAML with a NUL byte", ["e.yaml": text("ecograph: 1\nnodes: [\u{0}]\n")], ["validate", "{dir}/e.yaml"],
            message: ["NUL byte"], positionIn: "e.yaml")
        add("YAML invalid UTF-8", ["e.yaml": text("ecograph: 1\nname: ") + [0xC3, 0x28] + text("\n")], ["validate", "{dir}/e.yaml"],
            message: ["not valid UTF-8"], positionIn: "e.yaml")
        add("YAML truncated mid-mapping", ["e.yaml": text("ecograph: 1\nnodes:\n  - {id: a, kind: comp")], ["validate", "{dir}/e.yaml"],
            message: ["malformed YAML"], positionIn: "e.yaml")
        add("YAML duplicate keys", ["e.yaml": text("ecograph: 1\nnodes: []\nnodes: []\nedges: []\n")], ["validate", "{dir}/e.yaml"],
            message: ["duplicate key"], positionIn: "e.yaml")
        for (label, weight) in [("NaN", ".nan"), ("infinite", ".inf"), ("negative", "-2"), ("overflowing", "1e400"), ("zero", "0")] {
            add("YAML \(label) weight", ["e.yaml": text(ecosystem.replacingOccurrences(of: "WEIGHT", with: weight))], ["validate", "{dir}/e.yaml"],
                message: ["weight"], positionIn: "e.yaml")
        }
        add("YAML id past --max-id-bytes", ["e.yaml": text(good.replacingOccurrences(of: "id: a,", with: "id: \(String(repeating: "a", count: 40)),")
                                                      .replacingOccurrences(of: "from: a,", with: "from: \(String(repeating: "a", count: 40)),"))],
            ["validate", "{dir}/e.yaml", "--max-id-bytes", "16"], message: ["id length limit"], positionIn: "e.yaml", raisedBy: "--max-id-bytes")
        add("YAML past --max-input-bytes", ["e.yaml": text(good)], ["validate", "{dir}/e.yaml", "--max-input-bytes", "10"],
            message: ["input size limit"], raisedBy: "--max-input-bytes")
        add("YAML with a BOM and CRLF is accepted", ["e.yaml": [0xEF, 0xBB, 0xBF] + text(good.replacingOccurrences(of: "\n", with: "\r\n"))],
            ["validate", "{dir}/e.yaml"], status: 0, output: ["valid: 2 nodes, 1 edges"])
        add("YAML unknown key", ["e.yaml": text("ecograph: 1\nnodez: []\n")], ["validate", "{dir}/e.yaml"], message: ["nodez"], positionIn: "e.yaml")

        // MARK: Ecosystem JSON
        add("JSON nested 300 levels", ["e.json": text("{\"ecograph\": 1, \"x\": " + nested("[", "]", depth: 300) + "}")], ["validate", "{dir}/e.json"],
            message: ["nesting depth limit"], positionIn: "e.json", raisedBy: "--max-nesting")
        add("JSON trailing comma", ["e.json": text("{\"ecograph\": 1, \"nodes\": [],}")], ["validate", "{dir}/e.json"],
            message: ["malformed JSON"], positionIn: "e.json")
        add("JSON duplicate keys", ["e.json": text("{\"ecograph\": 1, \"nodes\": [], \"nodes\": []}")], ["validate", "{dir}/e.json"],
            message: ["nodes"], positionIn: "e.json")
        add("JSON NaN literal", ["e.json": text("{\"ecograph\": 1, \"nodes\": [], \"edges\": [{\"weight\": NaN}]}")], ["validate", "{dir}/e.json"],
            message: ["malformed JSON"], positionIn: "e.json")
        add("JSON truncated", ["e.json": text("{\"ecograph\": 1, \"nodes\": [{\"id\": \"a\"")], ["validate", "{dir}/e.json"],
            message: ["malformed JSON"], positionIn: "e.json")
        add("JSON empty file", ["e.json": []], ["validate", "{dir}/e.json"], message: ["e.json"])
        add("JSON with a NUL byte", ["e.json": text("{\"ecograph\": 1,\u{0}}")], ["validate", "{dir}/e.json"],
            message: ["NUL byte"], positionIn: "e.json")

        // MARK: Scenario and theme files
        add("scenario alias bomb", ["s.yaml": aliasBomb("scenarios: []")], ["whatif", "--scenario", "{dir}/s.yaml"],
            message: ["YAML alias expansions limit"], positionIn: "s.yaml", raisedBy: "--max-alias-expansions")
        add("scenario malformed", ["s.yaml": text("scenarios: [{name: a, remove: [x}]\n")], ["whatif", "--scenario", "{dir}/s.yaml"],
            message: ["malformed YAML"], positionIn: "s.yaml")
        add("scenario duplicate names", ["s.yaml": text("scenarios:\n  - {name: a, remove: [nvidia]}\n  - {name: a, remove: [nvidia]}\n")],
            ["whatif", "--scenario", "{dir}/s.yaml"], message: ["'a'"], positionIn: "s.yaml")
        add("scenario with a NUL byte", ["s.yaml": text("scenarios:\u{0}\n")], ["whatif", "--scenario", "{dir}/s.yaml"],
            message: ["NUL byte"], positionIn: "s.yaml")
        add("theme alias bomb", ["t.yaml": aliasBomb("font: x")], ["render", "-o", "{dir}/out.dot", "--theme", "{dir}/t.yaml"],
            message: ["YAML alias expansions limit"], positionIn: "t.yaml", raisedBy: "--max-alias-expansions", noOutput: "out.dot")
        add("theme malformed", ["t.yaml": text("nodes: {company: {fill: [}\n")], ["render", "-o", "{dir}/out.dot", "--theme", "{dir}/t.yaml"],
            message: ["malformed YAML"], positionIn: "t.yaml", noOutput: "out.dot")

        // MARK: Edge list
        add("edge list empty", ["g.txt": []], ["stats", "{dir}/g.txt"], message: ["g.txt"])
        add("edge list of comments only", ["g.txt": text("# nothing\n\n# here\n")], ["stats", "{dir}/g.txt"], message: ["g.txt"])
        add("edge list with a NUL byte", ["g.txt": text("a b\nc\u{0}d\n")], ["stats", "{dir}/g.txt"], message: ["NUL byte"], positionIn: "g.txt")
        add("edge list from /dev/zero", [:], ["stats", "{dir}/z.txt"], message: ["NUL byte"], positionIn: "z.txt", links: ["z.txt": "/dev/zero"])
        add("edge list bad weight", ["g.txt": text("a b 1\nb c abc\n")], ["stats", "{dir}/g.txt"], message: ["abc"], positionIn: "g.txt")
        add("edge list NaN weight", ["g.txt": text("a b nan\n")], ["stats", "{dir}/g.txt"], message: ["nan"], positionIn: "g.txt")
        add("edge list invalid UTF-8", ["g.txt": text("a b\n") + [0xFF, 0xFE] + text(" c\n")], ["stats", "{dir}/g.txt"], positionIn: "g.txt")
        add("edge list id past --max-id-bytes", ["g.txt": text("a \(String(repeating: "b", count: 100))\n")],
            ["stats", "{dir}/g.txt", "--max-id-bytes", "16"], message: ["id length limit"], positionIn: "g.txt", raisedBy: "--max-id-bytes")
        add("edge list past --max-edges", ["g.txt": text("a b\nb c\nc d\n")], ["stats", "{dir}/g.txt", "--max-edges", "2"],
            message: ["edge count limit"], positionIn: "g.txt", raisedBy: "--max-edges")
        add("edge list past --max-nodes", ["g.txt": text("a b\nb c\nc d\n")], ["stats", "{dir}/g.txt", "--max-nodes", "2"],
            message: ["node count limit"], positionIn: "g.txt", raisedBy: "--max-nodes")
        add("edge list past --max-input-bytes", ["g.txt": text("a b\nb c\n")], ["stats", "{dir}/g.txt", "--max-input-bytes", "4"],
            message: ["input size limit"], raisedBy: "--max-input-bytes")
        add("edge list with CRLF is accepted", ["g.txt": text("a b\r\nb c\r\n")], ["stats", "{dir}/g.txt"], status: 0, output: ["nodes", "3", "edges", "2"])

        // MARK: CSV
        add("CSV header only", ["g.csv": text("source,target\n")], ["stats", "{dir}/g.csv"], message: ["g.csv"])
        add("CSV empty", ["g.csv": []], ["stats", "{dir}/g.csv"], message: ["g.csv"])
        add("CSV unterminated quote", ["g.csv": text("source,target\n\"a,b\n")], ["stats", "{dir}/g.csv"], positionIn: "g.csv")
        add("CSV bad weight", ["g.csv": text("source,target,weight\na,b,heavy\n")], ["stats", "{dir}/g.csv"], message: ["heavy"], positionIn: "g.csv")
        add("CSV missing target", ["g.csv": text("source,target\na\n")], ["stats", "{dir}/g.csv"], positionIn: "g.csv")
        add("CSV from /dev/zero", [:], ["stats", "{dir}/z.csv"], message: ["NUL byte"], positionIn: "z.csv", links: ["z.csv": "/dev/zero"])
        add("CSV past --max-nodes", ["g.csv": text("source,target\na,b\nb,c\n")], ["stats", "{dir}/g.csv", "--max-nodes", "2"],
            message: ["node count limit"], positionIn: "g.csv", raisedBy: "--max-nodes")
        add("CSV with a BOM is accepted", ["g.csv": [0xEF, 0xBB, 0xBF] + text("source,target\na,b\n")], ["stats", "{dir}/g.csv"], status: 0, output: ["nodes", "2", "edges", "1"])

        // MARK: GraphML
        let graphML = { (body: String) in
            text("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"directed\">\n\(body)\n</graph>\n</graphml>\n")
        }
        add("GraphML malformed XML", ["g.graphml": graphML("<node id=\"a\">")], ["stats", "{dir}/g.graphml"], message: ["XML"], positionIn: "g.graphml")
        add("GraphML duplicate node ids", ["g.graphml": graphML("<node id=\"a\"/>\n<node id=\"a\"/>")], ["stats", "{dir}/g.graphml"],
            message: ["duplicate", "'a'"], positionIn: "g.graphml")
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY a \"aaaaaaaaaa\">\n"
            + (1 ... 9).map { "<!ENTITY a\($0) \"" + String(repeating: "&a\($0 == 1 ? "" : String($0 - 1));", count: 10) + "\">" }.joined(separator: "\n")
            + "\n]>\n<graphml><graph edgedefault=\"directed\"><node id=\"&a9;\"/></graph></graphml>\n"
        add("GraphML billion laughs", ["g.graphml": text(laughs)], ["stats", "{dir}/g.graphml"], positionIn: "g.graphml")
        add("GraphML external entity", ["g.graphml": text("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml><graph><node id=\"&x;\"/></graph></graphml>\n")],
            ["stats", "{dir}/g.graphml"], positionIn: "g.graphml")
        add("GraphML nested 1000 elements", ["g.graphml": graphML(nested("<data key=\"d\">", "</data>", depth: 1000, inner: ""))],
            ["stats", "{dir}/g.graphml"], message: ["nesting depth limit"], positionIn: "g.graphml", raisedBy: "--max-nesting")
        add("GraphML from /dev/zero", [:], ["stats", "{dir}/z.graphml"], message: ["NUL byte"], positionIn: "z.graphml", links: ["z.graphml": "/dev/zero"])
        add("GraphML edge to an unknown node", ["g.graphml": graphML("<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>")], ["stats", "{dir}/g.graphml"],
            status: 0, output: ["nodes", "2", "edges", "1"])
        add("GraphML truncated", ["g.graphml": Array(graphML("<node id=\"a\"/>").prefix(90))], ["stats", "{dir}/g.graphml"], positionIn: "g.graphml")

        // MARK: DOT
        add("DOT syntax error", ["g.dot": text("digraph {\n a -> ;\n}\n")], ["stats", "{dir}/g.dot"], positionIn: "g.dot")
        add("DOT id beginning with %", ["g.dot": text("digraph { \"%1\" -> b }\n")], ["stats", "{dir}/g.dot"], message: ["%1"], positionIn: "g.dot")
        add("DOT 1 MB id", ["g.dot": text("digraph { \"" + String(repeating: "x", count: 1 << 20) + "\" -> b }\n")], ["stats", "{dir}/g.dot"],
            message: ["id length limit"], positionIn: "g.dot", raisedBy: "--max-id-bytes")
        add("DOT nested 1000 subgraphs", ["g.dot": text("digraph { " + nested("subgraph { ", "} ", depth: 1000, inner: "a; ") + "}\n")],
            ["stats", "{dir}/g.dot"], message: ["nesting depth limit"], positionIn: "g.dot", raisedBy: "--max-nesting")
        add("DOT from /dev/zero", [:], ["stats", "{dir}/z.dot"], message: ["NUL byte"], positionIn: "z.dot", links: ["z.dot": "/dev/zero"])
        add("DOT empty file", ["g.dot": []], ["stats", "{dir}/g.dot"], message: ["g.dot"])

        // MARK: Paths and outputs
        add("a directory as input", [:], ["stats", "{dir}"], message: ["directory"])
        add("a missing file", [:], ["stats", "{dir}/none.txt"], message: ["no such file"])
        add("an unknown extension", ["g.xyz": text("a b\n")], ["stats", "{dir}/g.xyz"], message: ["cannot tell the graph format"])
        add("convert into a missing folder leaves nothing", [:], ["convert", "-o", "{dir}/missing/x.graphml"], message: ["cannot write"],
            noOutput: "missing")
        add("render onto a directory leaves it alone", ["out.svg/keep": text("x")], ["render", "-o", "{dir}/out.svg", "--layout", "dot", "--top", "5"],
            message: ["out.svg"])
        add("render a bad scenario leaves no file", ["s.yaml": text("scenarios: [{name: a, remove: [atlantis]}]\n")],
            ["render", "-o", "{dir}/out.svg", "--scenario", "{dir}/s.yaml"], message: ["atlantis"], noOutput: "out.svg")
        add("report with a bad scenario leaves no file", ["s.yaml": text("scenarios: [{name: a, apply: [nowhere]}]\n")],
            ["report", "-o", "{dir}/r.html", "--scenario", "{dir}/s.yaml"], message: ["nowhere"], noOutput: "r.html")
        add("convert writes through to /dev/null", [:], ["convert", "-o", "{dir}/null.graphml"], status: 0, links: ["null.graphml": "/dev/null"],
            output: ["wrote ", "null.graphml: 115 nodes, 410 edges"])
        return c
    }()

    @Test(arguments: cases) func refusedCleanlyOrAccepted(_ hostile: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in hostile.files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        for (name, target) in hostile.links {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let arguments = hostile.arguments.map { $0.replacingOccurrences(of: "{dir}", with: folder.path) }
        let start = ContinuousClock.now
        let result = try runWithTimeout(arguments, seconds: hostile.seconds)
        let elapsed = ContinuousClock.now - start
        #expect(!result.timedOut, "\(hostile.name): killed by a signal (a crash, or still running after \(hostile.seconds) s)")
        #expect(elapsed < .seconds(hostile.seconds), "\(hostile.name): took \(elapsed)")
        #expect(result.status == hostile.status, "\(hostile.name): exit \(result.status), stderr: \(result.stderr)")
        if hostile.status == 0 {
            var rest = Substring(result.stdout + result.stderr)
            for fragment in hostile.output {
                guard let range = rest.range(of: fragment) else {
                    Issue.record("\(hostile.name): '\(fragment)' missing from the output: \(result.stdout)\(result.stderr)")
                    break
                }
                rest = rest[range.upperBound...]
            }
            // A device or FIFO written through stays what it was, and a link stays a link.
            for (name, target) in hostile.links {
                let link = folder.appendingPathComponent(name).path
                #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target, "\(hostile.name): \(name) is no longer a link")
                #expect((try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType) == .typeCharacterSpecial,
                        "\(hostile.name): \(target) was replaced")
            }
            return
        }
        // One line per problem (a file may have several), each naming the file or the command.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty, "\(hostile.name): no message")
        #expect(lines.allSatisfy { $0.hasPrefix(folder.path) || $0.hasPrefix("ecograph: ") }, "\(hostile.name): \(result.stderr)")
        let message = lines.first { line in hostile.message.first.map(line.contains) ?? true } ?? lines.first ?? ""
        var rest = Substring(message)
        for fragment in hostile.message {
            guard let range = rest.range(of: fragment) else {
                Issue.record("\(hostile.name): '\(fragment)' missing from: \(message)")
                break
            }
            rest = rest[range.upperBound...]
        }
        if let file = hostile.positionIn {
            let prefix = folder.appendingPathComponent(file).path + ":"
            let position = message.hasPrefix(prefix) ? message.dropFirst(prefix.count).prefix { $0.isNumber || $0 == ":" } : ""
            let parts = position.split(separator: ":")
            #expect(parts.count == 2 && parts.allSatisfy { Int($0).map { $0 >= 1 } == true },
                    "\(hostile.name): no FILE:LINE:COLUMN in: \(message)")
        }
        if let flag = hostile.raisedBy { #expect(message.contains(flag), "\(hostile.name): no \(flag) in: \(message)") }
        if let output = hostile.noOutput {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(output).path), "\(hostile.name): \(output) left behind")
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.contains(".tmp") || $0.hasPrefix(".") } ?? []
        #expect(leftovers.isEmpty, "\(hostile.name): temporary files left: \(leftovers)")
    }

    @Test func theSuiteIsLargeAndEveryReaderIsCovered() {
        #expect(Self.cases.count >= 60)
        let extensions = Set(Self.cases.flatMap { Array($0.files.keys) + Array($0.links.keys) }.map { ($0 as NSString).pathExtension })
        #expect(extensions.isSuperset(of: ["yaml", "json", "txt", "csv", "graphml", "dot"]))
    }

    struct Outcome { var status: Int32; var stdout: String; var stderr: String; var timedOut: Bool }

    /// Runs `ecograph`, killing it after `seconds`.
    func runWithTimeout(_ arguments: [String], seconds: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = ecographBinary
        process.arguments = arguments
        let err = Pipe()
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-hostile-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let outHandle = try FileHandle(forWritingTo: outURL)
        defer { try? outHandle.close() }
        process.standardOutput = outHandle
        process.standardError = err
        try process.run()
        let deadline = DispatchTime.now() + seconds
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: killer)
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        let timedOut = process.terminationReason == .uncaughtSignal
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }
}
