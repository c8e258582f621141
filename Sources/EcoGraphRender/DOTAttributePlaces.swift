import EcoGraphIO

/// Where DOT text sets some attributes, and on what: cgraph hands back an attribute's value for a node or an
/// edge but not where the file set it, so a reader that finds a bad value looks it up here to report it at
/// `LINE:COLUMN`.
///
/// One pass over `DOTScanner`'s tokens follows the statements far enough to tell, for each `name=value`
/// (inside `[...]`, or `name=value` as a statement of its own), what it is set on: a node statement's id, the
/// edges of an edge statement (`a -> b -> c [...]` sets `a -> b` and `b -> c`), a `node`/`edge` default, or
/// a graph or subgraph. Ports (`a:p`) are skipped; an edge statement with a subgraph as an end (`a -> {b c}`)
/// is not followed, and values joined with `+` are not joined: their settings are found only by
/// `anywhere(_:value:)`. Ids and values are decoded as cgraph decodes them (`\"` is a quote, a backslash
/// before a line feed joins lines), so they compare equal to what `agnameof` and `agxget` return. The
/// settings are indexed as they are found, so each look-up takes constant time whatever the file's size.
///
/// - Complexity: `O(b)` time for `b` bytes; `O(s)` space for `s` settings of the names asked for.
struct DOTAttributePlaces {
    /// What a setting is on.
    private enum Owner {
        case node(String)
        /// The edges of an edge statement, as (tail, head) pairs in the order written.
        case edges([(tail: String, head: String)])
        case nodeDefault, edgeDefault
        /// A graph or subgraph (`name=value` as a statement, or `graph [...]`).
        case graph
        /// A statement this pass does not follow (a subgraph as an edge's end).
        case unknown
    }

    /// An attribute's name and value.
    private struct Setting: Hashable {
        var name: String
        var value: String
    }

    /// An edge's ends (in order for a directed graph, sorted for an undirected one) and a setting.
    private struct EdgeSetting: Hashable {
        var ends: [String]
        var setting: Setting
    }

    private var nodes: [[String]: FilePosition] = [:]  // [id, name, value] -> the last place
    private var edges: [EdgeSetting: [FilePosition]] = [:]  // in file order
    private var nodeDefaults: [Setting: FilePosition] = [:]  // the last place
    private var edgeDefaults: [Setting: FilePosition] = [:]
    private var graphs: [String: FilePosition] = [:]  // name -> the first place
    private var everywhere: [Setting: (count: Int, position: FilePosition)] = [:]
    private let undirected: Bool

    /// Finds the settings of attributes named in `names`; `undirected` matches edges either way round.
    init(_ bytes: [UInt8], names: Set<String>, undirected: Bool) {
        self.undirected = undirected
        var scanner = DOTScanner(bytes)
        var head: [DOTScanner.Token] = []  // the statement so far, outside brackets: ids and edge operators
        var owner: Owner?  // inside brackets: what the list is on
        var afterList = false  // a `]` ended the statement's attribute list
        var skipPort = false  // a `:` makes the next id a port
        var name: DOTScanner.Token?  // a name, then `=`, awaiting its value
        var equals = false

        func text(_ token: DOTScanner.Token) -> String {
            switch token.kind {
            case .quoted:
                var out: [UInt8] = []
                var k = token.start + 1
                let end = token.end - (token.end > token.start + 1 && bytes[token.end - 1] == 0x22 ? 1 : 0)
                while k < end {
                    if bytes[k] == 0x5C, k + 1 < end, bytes[k + 1] == 0x22 { out.append(0x22); k += 2; continue }
                    if bytes[k] == 0x5C, k + 1 < end, bytes[k + 1] == 0x0A { k += 2; continue }
                    out.append(bytes[k])
                    k += 1
                }
                return String(decoding: out, as: UTF8.self)
            case .html:
                let end = max(token.start + 1, token.end - (bytes[token.end - 1] == 0x3E ? 1 : 0))
                return String(decoding: bytes[token.start + 1 ..< end], as: UTF8.self)
            default:
                return String(decoding: bytes[token.start ..< token.end], as: UTF8.self)
            }
        }
        func isID(_ token: DOTScanner.Token) -> Bool {
            [.bare, .numeral, .quoted, .html].contains(token.kind)
        }
        func isPunct(_ token: DOTScanner.Token, _ c: UInt8) -> Bool { token.kind == .punct && bytes[token.start] == c }
        func statementOwner() -> Owner {
            if head.count == 1, head[0].kind == .bare {
                switch text(head[0]).lowercased() {
                case "node": return .nodeDefault
                case "edge": return .edgeDefault
                case "graph": return .graph
                default: break
                }
            }
            let ids = head.filter(isID).map(text)
            let operators = head.filter { $0.kind == .edgeOp }.count
            if operators == 0 { return ids.count == 1 ? .node(ids[0]) : .unknown }
            // A chain `a -> b -> c`: ids and operators alternate.
            guard ids.count == operators + 1, head.count == ids.count + operators else { return .unknown }
            return .edges((1 ..< ids.count).map { (ids[$0 - 1], ids[$0]) })
        }
        func record(_ nameToken: DOTScanner.Token, _ valueToken: DOTScanner.Token, on owner: Owner) {
            let setting = Setting(name: text(nameToken), value: text(valueToken))
            guard names.contains(setting.name) else { return }
            let position = scanner.position(of: valueToken)
            switch owner {
            case .node(let id): nodes[[id, setting.name, setting.value]] = position
            case .edges(let pairs):
                for pair in pairs { edges[EdgeSetting(ends: ends(pair.tail, pair.head), setting: setting), default: []].append(position) }
            case .nodeDefault: nodeDefaults[setting] = position
            case .edgeDefault: edgeDefaults[setting] = position
            case .graph: if graphs[setting.name] == nil { graphs[setting.name] = position }
            case .unknown: break
            }
            let seen = everywhere[setting]
            everywhere[setting] = (count: (seen?.count ?? 0) + 1, position: seen?.position ?? position)
        }

        while let token = scanner.next() {
            if token.kind == .comment { continue }
            if let listOwner = owner {
                if isPunct(token, 0x5D) {  // ]
                    owner = nil
                    afterList = true
                    name = nil
                    equals = false
                } else if isPunct(token, 0x3D) {  // =
                    equals = name != nil
                } else if isID(token) {
                    if equals, let pending = name {
                        record(pending, token, on: listOwner)
                        name = nil
                        equals = false
                    } else {
                        name = token
                    }
                } else {
                    name = nil
                    equals = false
                }
                continue
            }
            if isPunct(token, 0x5B) {  // [
                owner = statementOwner()
                continue
            }
            if isPunct(token, 0x3D) {  // `name = value` as a statement: the graph's (or subgraph's) own
                equals = !head.isEmpty && isID(head[head.count - 1])
                name = equals ? head[head.count - 1] : nil
                continue
            }
            if equals, let pending = name, isID(token) {
                record(pending, token, on: .graph)
                head = []
                name = nil
                equals = false
                continue
            }
            equals = false
            name = nil
            if isPunct(token, 0x3A) {  // `:` port
                skipPort = true
                continue
            }
            if isID(token) {
                if skipPort { skipPort = false; continue }
                if afterList || (head.last.map(isID) ?? false) { head = [] }
                afterList = false
                head.append(token)
            } else if token.kind == .edgeOp {
                afterList = false
                head.append(token)
            } else {
                // `;`, braces, anything else: the statement ends.
                head = []
                afterList = false
                skipPort = false
            }
        }
    }

    /// An edge's ends as the index keys them.
    private func ends(_ tail: String, _ head: String) -> [String] {
        undirected && head < tail ? [head, tail] : [tail, head]
    }

    /// Where a node's attribute was set to `value`: on its own statement (the last such), else by a `node`
    /// default (the last), else the one setting of that name and value anywhere; `nil` when none is found.
    func node(_ id: String, _ name: String, value: String) -> FilePosition? {
        nodes[[id, name, value]] ?? nodeDefaults[Setting(name: name, value: value)] ?? anywhere(name, value: value)
    }

    /// Where the `occurrence`-th (from 0, in file order) edge from `tail` to `head` whose attribute is `value`
    /// got it: from an edge statement naming that pair (either way round in an undirected graph), else an
    /// `edge` default, else the one setting of that name and value anywhere.
    func edge(_ tail: String, _ head: String, occurrence: Int, _ name: String, value: String) -> FilePosition? {
        let setting = Setting(name: name, value: value)
        if let places = edges[EdgeSetting(ends: ends(tail, head), setting: setting)], occurrence < places.count { return places[occurrence] }
        return edgeDefaults[setting] ?? anywhere(name, value: value)
    }

    /// Where the first setting of `name` on a graph or subgraph is.
    func graph(_ name: String) -> FilePosition? { graphs[name] }

    /// The position of the only setting of `name` to `value` in the file, or `nil` if there is none or several.
    func anywhere(_ name: String, value: String) -> FilePosition? {
        everywhere[Setting(name: name, value: value)].flatMap { $0.count == 1 ? $0.position : nil }
    }
}
