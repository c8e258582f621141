// ecograph-bench: times EcoGraph's centrality measures on one edge-list file.
//
// Loads the graph once (timed on its own: `load_seconds`), then for each measure runs the computation
// `--repeat` times and reports the best wall-clock time (`seconds`), one JSON object per line on stdout:
//
//   {"tool":"ecograph","graph":"sf-10k","measure":"pagerank","seconds":0.0123,"load_seconds":0.04,...}
//
// Usage:
//   ecograph-bench FILE [--name NAME] [--measures degree,betweenness,...] [--repeat N]
//                       [--sources FILE | --samples K [--seed S]] [--katz-alpha A] [--serial]
//                       [--top K] [--scores-dir DIR] [--budget SECONDS] [--from DATE --to DATE --step STEP]
//
// Measures: degree, betweenness, closeness, harmonic, pagerank, eigenvector, katz, hits, core; impact and
// cascade (chokepoints); and on a dated ecosystem, timeline-pagerank and timeline-impact (`LoadedGraph.timeline`
// over the dates from --from to --to by --step; default: the file's own dates, monthly), with naive-pagerank
// and naive-impact for comparison (each date re-filtered from the record and analysed afresh, no work shared).
// - Everything goes through the library's public API (`LoadedGraph.load`, `centralityScores`), except
//   betweenness over an explicit list of sources (`--sources`, node ids as the file spells them) and HITS
//   (hubs and authorities from one call), which call the kernel function that `centralityScores` calls.
// - `--repeat` defaults to 3 below a million edges, 1 above; `--budget` stops repeating a measure once its
//   runs took that many seconds in total (a slow measure then runs once).
// - A first line `{"event":"loaded",...}` says the graph is loaded (a harness times measures from there).
// - `--scores-dir` writes every node's score (`id<TAB>score`) per measure, for cross-checks with other tools.

import EcoGraph
import EcoGraphKernel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Arguments

struct Arguments {
    var path = ""
    var name: String?
    var measures = ["degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz", "hits", "core"]
    var repeatCount: Int?
    var sourcesFile: String?
    var samples: Int?
    var seed: UInt64 = 0
    var katzAlpha = 0.1
    var parallel = true
    var top = 5
    var scoresDirectory: String?
    /// Stop repeating a measure once its runs took this long in total (seconds).
    var budget = Double.infinity
    /// The timeline's dates (`timeline-*`, `naive-*`): from, to, step.
    var from: EcoDate?
    var to: EcoDate?
    var step = DateStep.month
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ecograph-bench: \(message)\n".utf8))
    exit(2)
}

func parseArguments() -> Arguments {
    var a = Arguments()
    var it = CommandLine.arguments.dropFirst().makeIterator()
    func value(_ flag: String) -> String {
        guard let v = it.next() else { fail("\(flag) needs a value") }
        return v
    }
    while let arg = it.next() {
        switch arg {
        case "--name": a.name = value(arg)
        case "--measures": a.measures = value(arg).split(separator: ",").map { String($0) }
        case "--repeat":
            guard let n = Int(value(arg)), n >= 1 else { fail("--repeat needs a positive integer") }
            a.repeatCount = n
        case "--sources": a.sourcesFile = value(arg)
        case "--samples":
            guard let k = Int(value(arg)), k >= 1 else { fail("--samples needs a positive integer") }
            a.samples = k
        case "--seed":
            guard let s = UInt64(value(arg)) else { fail("--seed needs a non-negative integer") }
            a.seed = s
        case "--katz-alpha":
            guard let x = Double(value(arg)), x > 0 else { fail("--katz-alpha needs a positive number") }
            a.katzAlpha = x
        case "--serial": a.parallel = false
        case "--top":
            guard let k = Int(value(arg)), k >= 0 else { fail("--top needs a non-negative integer") }
            a.top = k
        case "--scores-dir": a.scoresDirectory = value(arg)
        case "--budget":
            guard let b = Double(value(arg)), b > 0 else { fail("--budget needs a positive number of seconds") }
            a.budget = b
        case "--from", "--to":
            guard let date = EcoDate(value(arg)) else { fail("\(arg) needs a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            if arg == "--from" { a.from = date } else { a.to = date }
        case "--step":
            guard let step = DateStep(rawValue: value(arg)) else { fail("--step needs year, quarter or month") }
            a.step = step
        case "-h", "--help":
            print("usage: ecograph-bench FILE [--name NAME] [--measures m1,m2,...] [--repeat N] "
                  + "[--sources FILE | --samples K [--seed S]] [--katz-alpha A] [--serial] [--top K] [--scores-dir DIR] [--budget SECONDS] "
                  + "[--from DATE --to DATE --step year|quarter|month]")
            exit(0)
        default:
            if arg.hasPrefix("--") { fail("unknown option \(arg)") }
            guard a.path.isEmpty else { fail("one graph file only (got \(a.path) and \(arg))") }
            a.path = arg
        }
    }
    if a.path.isEmpty { fail("no graph file given (--help for usage)") }
    return a
}

// MARK: - Timing and output

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// CPU time of the whole process (all threads), to tell a slow run from a starved one on a busy machine.
func cpuTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func jsonNumber(_ x: Double) -> String {
    x.isFinite ? "\(x)" : "null"
}

enum JSONValue {
    case string(String), number(Double), int(Int), bool(Bool), raw(String)
    var text: String {
        switch self {
        case .string(let s): jsonString(s)
        case .number(let x): jsonNumber(x)
        case .int(let i): "\(i)"
        case .bool(let b): b ? "true" : "false"
        case .raw(let r): r
        }
    }
}

func emit(_ fields: [(String, JSONValue)]) {
    let body = fields.map { "\(jsonString($0.0)):\($0.1.text)" }.joined(separator: ",")
    print("{\(body)}")
    fflush(nil)
}

/// The top `k` nodes by score (descending, then id), as a JSON array of `[id, score]`.
func topList(_ scores: [Double], _ loaded: LoadedGraph, _ k: Int) -> String {
    guard k > 0 else { return "[]" }
    let order = scores.indices.sorted { a, b in
        scores[a] != scores[b] ? scores[a] > scores[b] : loaded.id(a) < loaded.id(b)
    }
    let items = order.prefix(k).map { "[\(jsonString(loaded.id($0))),\(jsonNumber(scores[$0]))]" }
    return "[" + items.joined(separator: ",") + "]"
}

func writeScores(_ scores: [Double], _ loaded: LoadedGraph, to path: String) {
    var text = ""
    text.reserveCapacity(scores.count * 28)
    for (i, x) in scores.enumerated() {
        text += loaded.id(i)
        text += "\t"
        text += String(format: "%.17g", x)
        text += "\n"
    }
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

// MARK: - Main

func runBenchmarks(_ args: Arguments) {
    let graphName = args.name ?? URL(fileURLWithPath: args.path).deletingPathExtension().lastPathComponent
    let threads = args.parallel ? ProcessInfo.processInfo.activeProcessorCount : 1

    let loadStart = now()
    let loaded: LoadedGraph
    do {
        loaded = try LoadedGraph.load(path: args.path)
    } catch {
        fail("cannot load \(args.path): \(error)")
    }
    let loadSeconds = now() - loadStart
    let n = loaded.nodeCount
    let m = loaded.graph.edgeCount
    let repeatCount = args.repeatCount ?? (m < 1_000_000 ? 3 : 1)
    emit([("event", .string("loaded")), ("tool", .string("ecograph")), ("graph", .string(graphName)),
          ("load_seconds", .number(loadSeconds)), ("nodes", .int(n)), ("edges", .int(m)), ("threads", .int(threads))])

    // Explicit betweenness sources, read as node ids and mapped to the kernel's indices.
    var explicitSources: [Int]?
    if let file = args.sourcesFile {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
        let index = loaded.nodeIndex()
        explicitSources = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { token in
            guard let i = index[String(token)] else { fail("source \(token) in \(file) is not a node of \(args.path)") }
            return i
        }
    }

    var options = CentralityOptions(parallel: args.parallel)
    options.samples = args.samples
    options.seed = args.seed

    // The timeline's dates: as given, else the file's first to last change date.
    let changes = loaded.changeDates
    let timelineDates: [EcoDate] = {
        guard let from = args.from ?? changes.first?.truncated(to: args.step), let to = args.to ?? changes.last else { return [] }
        return EcoDate.series(from: from, to: to, step: args.step)
    }()
    let index = loaded.nodeIndex()
    /// A timeline's values on its last date, by node index (0 where the node is not alive then).
    func lastValues(_ timeline: Timeline) -> [Double] {
        var values = [Double](repeating: 0, count: n)
        for node in timeline.nodes { if let point = node.points.last ?? nil { values[index[node.id]!] = point.value } }
        return values
    }
    /// The naive way: each date re-filtered from the record (a new projection and graph), then the measure.
    func naive(_ measure: TimelineMeasure) throws -> [Double] {
        var last: [Double] = []
        for date in timelineDates {
            let snapshot = loaded.refiltered(FactFilter(asOf: date))
            let values: [Double] = switch measure {
            case .impact: try snapshot.graph.unweighted.dependencyImpact(parallel: args.parallel).impact.map(Double.init)
            case .centrality(let centrality): try snapshot.centralityScores(centrality, options: options)
            }
            last = [Double](repeating: 0, count: n)
            for (k, value) in values.enumerated() { last[index[snapshot.id(k)]!] = value }
        }
        return last
    }

    /// One run of a measure: the scores to report (and, for HITS, the authorities too).
    func compute(_ measure: String) throws -> (scores: [Double], extra: [Double]?) {
        switch measure {
        case "degree": return (try loaded.centralityScores(.degree, options: options), nil)
        case "betweenness":
            if let explicitSources {
                // What `centralityScores(.betweenness)` does, with the caller's sources (NetworkX's `k` sampling,
                // rescaled the same way).
                return (try loaded.graph.unweighted.betweennessCentrality(
                    sources: .explicit(explicitSources), parallel: args.parallel), nil)
            }
            return (try loaded.centralityScores(.betweenness, options: options), nil)
        case "closeness": return (try loaded.centralityScores(.closeness, options: options), nil)
        case "harmonic": return (try loaded.centralityScores(.harmonic, options: options), nil)
        case "pagerank": return (try loaded.centralityScores(.pagerank, options: options), nil)
        case "eigenvector": return (try loaded.centralityScores(.eigenvector, options: options), nil)
        case "katz":
            var katzOptions = options
            katzOptions.alpha = args.katzAlpha
            return (try loaded.centralityScores(.katz, options: katzOptions), nil)
        case "hits":
            // `centralityScores(.hubs)` runs this same call and keeps the hubs.
            let result = try loaded.graph.unweighted.hits(weighted: false, parallel: args.parallel)
            return (result.hubs, result.authorities)
        case "core", "core-number": return (try loaded.centralityScores(.coreNumber, options: options), nil)
        case "impact":
            // Dominator-based chokepoint impact and dependents, every node a consumer (Benchmarks/impact.py).
            let result = try loaded.graph.unweighted.dependencyImpact(parallel: args.parallel)
            return (result.impact.map(Double.init), result.dependents.map(Double.init))
        case "cascade":
            // Cascade-model impact, every dependency needed (each edge its own group), every node a consumer.
            let model = try CascadeModel(graph: loaded.graph.unweighted)
            return (try model.cascadeImpact(parallel: args.parallel).map(Double.init), nil)
        case "timeline-pagerank", "timeline-impact":
            guard !timelineDates.isEmpty else { throw UnknownMeasure(name: "\(measure) (the graph has no dates: give --from and --to)") }
            let followed: TimelineMeasure = measure == "timeline-impact" ? .impact : .centrality(.pagerank)
            return (lastValues(try loaded.timeline(measure: followed, dates: timelineDates, options: TimelineOptions(parallel: args.parallel))), nil)
        case "naive-pagerank", "naive-impact":
            guard !timelineDates.isEmpty else { throw UnknownMeasure(name: "\(measure) (the graph has no dates: give --from and --to)") }
            return (try naive(measure == "naive-impact" ? .impact : .centrality(.pagerank)), nil)
        default:
            throw UnknownMeasure(name: measure)
        }
    }

    for measure in args.measures {
        var base: [(String, JSONValue)] = [
            ("tool", .string("ecograph")), ("graph", .string(graphName)), ("measure", .string(measure)),
        ]
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var last: (scores: [Double], extra: [Double]?)?
        var failure: String?
        for _ in 0 ..< repeatCount {
            if times.reduce(0, +) >= args.budget { break }
            let start = now(), cpuStart = cpuTime()
            do {
                let result = try compute(measure)
                times.append(now() - start)
                cpuTimes.append(cpuTime() - cpuStart)
                last = result
            } catch {
                failure = "\(error)"
                break
            }
        }
        if let failure {
            base += [("status", .string("error")), ("error", .string(failure)), ("seconds", .raw("null")),
                     ("load_seconds", .number(loadSeconds))]
            emit(base)
            continue
        }
        let scores = last!.scores
        base += [
            ("status", .string("ok")),
            ("seconds", .number(times.min()!)),
            ("load_seconds", .number(loadSeconds)),
            ("runs", .raw("[" + times.map { jsonNumber($0) }.joined(separator: ",") + "]")),
            ("cpu_seconds", .number(cpuTimes[times.firstIndex(of: times.min()!)!])),
            ("nodes", .int(n)), ("edges", .int(m)), ("threads", .int(threads)),
            ("checksum", .number(scores.reduce(0, +))),
            ("top", .raw(topList(scores, loaded, args.top))),
        ]
        if measure == "betweenness" {
            base.append(("sources", .int(explicitSources?.count ?? args.samples ?? n)))
        }
        if measure == "katz" { base.append(("alpha", .number(args.katzAlpha))) }
        if measure.hasPrefix("timeline-") || measure.hasPrefix("naive-") {
            base.append(("dates", .int(timelineDates.count)))
            base.append(("from", .string(timelineDates.first?.description ?? "")))
            base.append(("to", .string(timelineDates.last?.description ?? "")))
        }
        if let extra = last!.extra { base.append(("top_authorities", .raw(topList(extra, loaded, args.top)))) }
        base.append(("max_rss_mb", .number(peakRSSMegabytes())))
        if let dir = args.scoresDirectory {
            writeScores(scores, loaded, to: "\(dir)/\(graphName).\(measure).ecograph.tsv")
            if let extra = last!.extra { writeScores(extra, loaded, to: "\(dir)/\(graphName).authorities.ecograph.tsv") }
        }
        emit(base)
    }
}

runBenchmarks(parseArguments())

/// A measure name the harness does not know.
struct UnknownMeasure: Error, CustomStringConvertible {
    let name: String
    var description: String { "unknown measure \(name)" }
}
