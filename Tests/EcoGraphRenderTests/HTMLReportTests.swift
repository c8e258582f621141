@testable import EcoGraphRender
import Foundation
import Testing

/// The text of the element that starts with `open` (up to the next `</script>` / closing tag).
private func element(_ html: String, opening open: String, closing close: String = "</script>") -> String? {
    guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound ..< html.endIndex) else { return nil }
    return String(html[start.upperBound ..< end.lowerBound])
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

private let hostile = "</script><script>document.title='PWNED'</script><!-- \u{2028}\u{2029} & \"><img src=x onerror=alert(1)>"

private func hostileContent(svg: String = "<svg viewBox=\"0 0 10 10\"><g class=\"node\"><title>a</title></g></svg>") -> ReportContent {
    ReportContent(
        title: hostile, generatedBy: "by " + hostile, description: hostile, diagramSVG: svg, edgeCount: 1,
        measures: [.init(key: "pagerank", name: "PageRank", summary: hostile)],
        nodes: [
            .init(id: hostile, label: hostile, kind: "k<script>", attributes: [.init(name: hostile, value: "javascript:alert(1)")],
                  sources: [.init(text: "https://e.org/\"><script>", title: hostile, url: "javascript:alert(1)")],
                  note: hostile, scores: ["pagerank": 0.5], impact: 1, dependents: 1),
            .init(id: "a", label: "A", scores: ["pagerank": .nan]),
        ],
        edges: [.init(from: hostile, to: "a", kind: hostile)],
        rankings: [.init(measure: .init(key: "pagerank", name: "PageRank", summary: "s"), entries: [.init(rank: 1, id: hostile, label: hostile, score: 0.5)])],
        notes: [hostile], analysis: hostile,
        chokepoints: [.init(id: hostile, label: hostile, impact: 1, dependents: 1, consumers: [.init(consumer: "a", count: 1)])],
        scenarios: [.init(name: hostile, description: hostile, removed: [hostile], lostPairs: 1, affected: [.init(consumer: "a", count: 1, lost: [hostile])])],
        references: [.init(key: hostile, title: hostile, publisher: hostile, url: "javascript:alert(1)", citingNodes: [hostile])])
}

/// A file of `Sources/EcoGraphRender/Resources/`, read from the source tree (not through the embedded copy).
private func resourceFile(_ name: String, filePath: String = #filePath) throws -> Data {
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: root.appendingPathComponent("Sources/EcoGraphRender/Resources/\(name)"))
}

/// The page's data element, parsed.
private func reportData(_ html: String) throws -> [String: Any] {
    let data = try #require(element(html, opening: "<script type=\"application/json\" id=\"ecograph-data\">"))
    return try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
}

@Suite("HTML report: escaping, sanitising, policy")
struct HTMLReportTests {
    @Test("data JSON escapes <, >, & and U+2028/2029, and parses back to the same strings")
    func jsonEscaping() throws {
        let html = HTMLReport.html(hostileContent())
        let data = try #require(element(html, opening: "<script type=\"application/json\" id=\"ecograph-data\">"))
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            #expect(!data.contains(forbidden), "raw \(forbidden.unicodeScalars.first!.value) in the data element")
        }
        #expect(data.contains("\\u003c/script\\u003e") && data.contains("\\u2028") && data.contains("\\u0026"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(object["title"] as? String == hostile)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.first?["label"] as? String == hostile)
        #expect(nodes.first?["id"] as? String == hostile)
        // A NaN score is written as null, so the JSON stays valid.
        #expect((nodes.last?["scores"] as? [String: Any])?["pagerank"] is NSNull)
    }

    @Test("no data can open or close a script element: exactly the page's two scripts")
    func scriptElements() {
        let html = HTMLReport.html(hostileContent())
        #expect(occurrences(of: "<script", in: html) == 2)
        #expect(occurrences(of: "</script", in: html) == 2)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<!-- "))
        #expect(html.contains("<title>&lt;/script&gt;&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"))
    }

    @Test("the Content-Security-Policy allows nothing but the page's own style and script, by hash")
    func contentSecurityPolicy() throws {
        let html = HTMLReport.html(hostileContent())
        let policy = try #require(element(html, opening: "<meta http-equiv=\"Content-Security-Policy\" content=\"", closing: "\">"))
        #expect(policy.hasPrefix("default-src 'none'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("http") && !policy.contains("*"))
        let script = try #require(element(html, opening: "<script>"))
        let style = try #require(element(html, opening: "<style>", closing: "</style>"))
        let scriptHash = Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        let styleHash = Data(SHA256.hash(Array(style.utf8))).base64EncodedString()
        #expect(policy.contains("script-src 'sha256-\(scriptHash)'"))
        #expect(policy.contains("style-src 'sha256-\(styleHash)'"))
        // The page's own script builds with createElement/textContent only.
        #expect(!script.contains("innerHTML") && !script.contains("outerHTML") && !script.contains("insertAdjacentHTML")
                && !script.contains("document.write") && !script.contains("eval("))
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("SVG sanitising drops scripts, handlers, links, foreign content and the prolog")
    func sanitisesSVG() throws {
        let svg = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <!-- Generated by graphviz -->
        <svg width="300pt" height="200pt" viewBox="0.00 0.00 300.00 200.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
        <script>alert('svg')</script>
        <style>g { fill: url(http://evil.example/x) }</style>
        <defs><linearGradient id="l_0"><stop offset="0" stop-color="red"/></linearGradient></defs>
        <g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 196)">
        <g id="node1" class="node kind-company" onclick="alert(2)" style="fill:red">
        <title>&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>
        <g id="a_node1"><a xlink:href="javascript:alert(4)" href="javascript:alert(5)" xlink:title="tip">
        <polygon fill="url(#l_0)" stroke="url(http://evil.example/y)" points="54,-36 0,-36 0,0 54,0 54,-36"/>
        <text text-anchor="middle" x="27" y="-14" font-family="Helvetica" font-size="14.00">A &amp; B &lt;i&gt;</text>
        </a></g>
        <image href="http://evil.example/i.png" width="10" height="10"/>
        <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(6)</script></body></foreignObject>
        <use href="#node1"/>
        </g>
        <g id="edge1" class="edge"><title>a&#45;&gt;b</title><path fill="none" stroke="black" d="M1,2C3,4 5,6 7,8"/></g>
        </g>
        </svg>
        """
        let clean = try #require(HTMLReport.sanitizedSVG(svg))
        #expect(clean.hasPrefix("<svg class=") || clean.hasPrefix("<svg viewBox="))
        for forbidden in ["<?xml", "<!DOCTYPE", "<!--", "<script", "<style", "<image", "<foreignObject", "<use", "<a", "href",
                          "onload", "onclick", "style=", "javascript:", "http:", "evil", "xmlns", "width=\"300pt\""] {
            #expect(!clean.contains(forbidden), "kept \(forbidden)")
        }
        #expect(clean.contains("viewBox=\"0.00 0.00 300.00 200.00\""))
        #expect(clean.contains("<g class=\"node kind-company\" id=\"svg-node1\">"))
        #expect(clean.contains("<title>&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>"))
        #expect(clean.contains("A &amp; B &lt;i&gt;</text>"))
        #expect(clean.contains("fill=\"url(#svg-l_0)\""))
        #expect(clean.contains("<linearGradient id=\"svg-l_0\">"))
        #expect(clean.contains("<title>a-&gt;b</title>"))
        // The polygon survives the unwrapped <a>, without the remote paint reference.
        #expect(clean.contains("<polygon fill=\"url(#svg-l_0)\" points="))
        #expect(!clean.contains("stroke=\"url("))
        #expect(occurrences(of: "<g ", in: clean) == occurrences(of: "</g>", in: clean))
    }

    @Test("SVG that is not well-formed, or not SVG, is refused; the page says so instead of embedding it")
    func refusesBadSVG() {
        #expect(HTMLReport.sanitizedSVG("<svg><g></svg>") == nil)
        #expect(HTMLReport.sanitizedSVG("<html><script>alert(1)</script></html>") == nil)
        #expect(HTMLReport.sanitizedSVG("not xml at all") == nil)
        let html = HTMLReport.html(hostileContent(svg: "<svg><script>alert(1)</g>"))
        #expect(html.contains("could not be embedded"))
        #expect(occurrences(of: "<script", in: html) == 2)
        #expect(!html.contains("<svg"))
    }

    @Test("entities declared in a DOCTYPE do not smuggle markup in")
    func entities() throws {
        let svg = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>
        <svg viewBox="0 0 1 1"><g class="node"><title>&x;</title></g></svg>
        """
        if let clean = HTMLReport.sanitizedSVG(svg) {
            #expect(!clean.contains("<script"))
            #expect(!clean.contains("<!"))
        }
    }

    @Test("same content, same bytes; no section for what is missing")
    func deterministicAndOptionalSections() {
        let content = hostileContent()
        #expect(HTMLReport.html(content) == HTMLReport.html(content))
        var generic = content
        generic.references = nil
        generic.scenarios = []
        let html = HTMLReport.html(generic)
        #expect(!html.contains("id=\"provenance\"") && !html.contains("id=\"scenarios\""))
        #expect(HTMLReport.html(content).contains("id=\"provenance\"") && HTMLReport.html(content).contains("id=\"scenarios\""))
    }
    @Test("the page's script and style are exactly Resources/report.js and report.css, byte for byte")
    func assetsAreTheResourceFiles() throws {
        let js = try resourceFile("report.js")
        let css = try resourceFile("report.css")
        #expect(Data(HTMLReport.script.utf8) == js)
        #expect(Data(HTMLReport.stylesheet.utf8) == css)
        let html = HTMLReport.html(hostileContent())
        let script = try #require(element(html, opening: "<script>"))
        let style = try #require(element(html, opening: "<style>", closing: "</style>"))
        #expect(Data(script.utf8) == js)
        #expect(Data(style.utf8) == css)
    }

    @Test("defaultMeasure reaches the data JSON when set, and the script leads with it; unset, no key is written")
    func defaultMeasure() throws {
        var content = hostileContent()
        #expect(content.defaultMeasure == nil)
        let unset = HTMLReport.html(content)
        #expect(try reportData(unset)["defaultMeasure"] == nil)
        #expect(!unset.contains("\"defaultMeasure\""))

        content.defaultMeasure = "pagerank"
        let set = HTMLReport.html(content)
        #expect(try reportData(set)["defaultMeasure"] as? String == "pagerank")
        // Only the key is added, right after the measures.
        #expect(set.contains("],\"defaultMeasure\":\"pagerank\",\"nodes\":["))
        #expect(set.replacingOccurrences(of: "\"defaultMeasure\":\"pagerank\",", with: "") == unset)
        // Through the initializer too, and escaped like every other string.
        let hostileKey = ReportContent(title: "t", generatedBy: "g", diagramSVG: "", defaultMeasure: "</script>")
        #expect(try reportData(HTMLReport.html(hostileKey))["defaultMeasure"] as? String == "</script>")

        // The script picks the ranking by data.defaultMeasure, no measure name is hard-coded.
        #expect(HTMLReport.script.contains("r.measure.key === data.defaultMeasure"))
        #expect(!HTMLReport.script.contains("'pagerank'"))
    }
}
