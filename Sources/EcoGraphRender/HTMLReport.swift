import EcoGraphIO
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A self-contained HTML report: one file with the diagram inlined as sanitised SVG, the data as JSON, and
/// the CSS and JavaScript that lay it out (pan and zoom, a side panel per node, sortable tables, print styles).
///
/// The page fetches nothing: a `Content-Security-Policy` meta allows no origin at all, and the one style and
/// one script element only by their SHA-256 hashes (so neither `'unsafe-inline'` nor a nonce is needed, and an
/// injected script would not run even if escaping failed). Data reaches the page only as JSON in a
/// `<script type="application/json">` element with `<`, `>`, `&`, U+2028 and U+2029 escaped; the script builds
/// every element with `createElement`/`textContent` and links only `http(s)` URLs.
public enum HTMLReport {
    /// The report page for some content. Same content, same bytes.
    /// - Complexity: linear in the size of the content and the SVG.
    public static func html(_ content: ReportContent) -> String {
        let svg = sanitizedSVG(content.diagramSVG)
        let data = json(content, diagramAvailable: svg != nil)
        let styleHash = "sha256-" + Data(SHA256.hash(Array(stylesheet.utf8))).base64EncodedString()
        let scriptHash = "sha256-" + Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        let policy = "default-src 'none'; style-src '\(styleHash)'; script-src '\(scriptHash)'; img-src data:; "
            + "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
        let title = escapeHTML(content.title)
        let subtitle = escapeHTML(content.generatedBy)
        let description = content.description.isEmpty ? "" : "<p class=\"lede print-only\">\(escapeHTML(content.description))</p>\n"
        var sections = ["<a href=\"#diagram\">Diagram</a>", "<a href=\"#rankings\">Rankings</a>", "<a href=\"#chokepoints\">Chokepoints</a>"]
        if !content.scenarios.isEmpty { sections.append("<a href=\"#scenarios\">Scenarios</a>") }
        if content.diff != nil { sections.append("<a href=\"#changes\">What changed</a>") }
        if !content.robustness.isEmpty { sections.append("<a href=\"#robustness\">Robustness</a>") }
        sections.append("<a href=\"#nodes\">All nodes</a>")
        if content.references != nil { sections.append("<a href=\"#provenance\">Sources</a>") }

        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="\(subtitle)">
        <title>\(title)</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <header class="top">
        <div class="brand">EcoGraph report</div>
        <h1 id="ecograph-title">\(title)</h1>
        <p class="meta" id="ecograph-meta">\(subtitle)</p>
        </header>
        <nav class="toc" aria-label="Sections">\(sections.joined())<span class="toc-spacer"></span><span class="toc-hint">Click a node for details · wheel to zoom · drag to pan</span></nav>
        <main>
        \(description)<section id="diagram" class="workspace" aria-label="Diagram">
        <div class="stage">
        <div class="toolbar" id="ecograph-toolbar">
        <div class="search"><input type="search" id="ecograph-search" placeholder="Find a node…" autocomplete="off" aria-label="Find a node"><ul id="ecograph-search-results" class="search-results" hidden></ul></div>
        <button type="button" id="ecograph-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
        <button type="button" id="ecograph-zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
        <button type="button" id="ecograph-fit" title="Fit the whole graph (0)">Fit</button>
        <button type="button" id="ecograph-clear" title="Clear the selection and scenario highlight">Clear</button>
        </div>
        <div class="banner" id="ecograph-banner" hidden></div>
        <div class="diagram-area">
        <div class="legend" id="ecograph-legend" aria-label="Node kinds"></div>
        <div class="diagram" id="ecograph-diagram" tabindex="0" aria-label="Dependency diagram: drag to pan, wheel or +/− to zoom, click a node for details">
        """
        page += "\n"
        page += svg ?? "<p class=\"empty\">The diagram could not be embedded (its SVG did not parse).</p>"
        page += """

        </div>
        </div>
        </div>
        <aside class="panel" id="ecograph-panel" aria-live="polite"><p class="empty">Click a node in the diagram, or a name in any table, to see its scores, kind, attributes and sources.</p></aside>
        </section>
        <section id="rankings"><h2>Centrality rankings</h2><p class="section-note" id="ecograph-rankings-note"></p><div class="cards" id="ecograph-rankings"></div></section>
        <section id="chokepoints"><h2>Chokepoints</h2><p class="section-note" id="ecograph-chokepoints-note"></p><div id="ecograph-chokepoints"></div></section>

        """
        if !content.scenarios.isEmpty {
            page += "<section id=\"scenarios\"><h2>What-if scenarios</h2><p class=\"section-note\" id=\"ecograph-scenarios-note\"></p><div id=\"ecograph-scenarios\"></div></section>\n"
        }
        page += diffSection(content)
        page += robustnessSection(content)
        page += "<section id=\"nodes\"><h2>All nodes</h2><p class=\"section-note\" id=\"ecograph-nodes-note\"></p><div id=\"ecograph-nodes\"></div></section>\n"
        if content.references != nil {
            page += "<section id=\"provenance\"><h2>Sources</h2><p class=\"section-note\" id=\"ecograph-provenance-note\"></p><div id=\"ecograph-provenance\"></div></section>\n"
        }
        page += """
        </main>
        <footer><span>\(subtitle)</span><span>Self-contained: this file loads nothing from the network.</span></footer>
        <pre id="ecograph-status" hidden>{"ok":false,"errors":["the report's script did not run"]}</pre>
        <script type="application/json" id="ecograph-data">\(data)</script>
        <script>\(script)</script>
        </body>
        </html>

        """
        return page
    }

    /// Text for HTML element content and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = MarkupEscaping.entity(for: scalar) { out += entity; continue }
            // Control characters other than tab and line feed have no business in a page.
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
