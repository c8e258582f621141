extension HTMLReport {
    /// The page's one stylesheet (allowed by its hash). Screen: header, a large pannable diagram beside a side
    /// panel, tables below; print: no controls, the whole diagram, every table unclipped.
    static let stylesheet = #"""
:root{--ink:#17202b;--muted:#5d6877;--faint:#8a94a3;--line:#e2e6ec;--bg:#f4f6f9;--card:#fff;--accent:#2f5bd3;--accent-soft:#e9effd;--red:#d6336c;--amber:#f08c00;--ok:#2b8a3e;--font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
[hidden]{display:none!important}
.print-only{display:none}
html{scroll-behavior:smooth;scroll-padding-top:52px}
body{margin:0;font:14px/1.5 var(--font);color:var(--ink);background:var(--bg);-webkit-font-smoothing:antialiased}
header.top{background:linear-gradient(120deg,#0f1b2d,#1c2f52);color:#f5f7fb;padding:12px 24px 11px}
.brand{font-size:11px;letter-spacing:.14em;text-transform:uppercase;color:#9fb3d1;font-weight:600}
h1{margin:1px 0 1px;overflow-wrap:anywhere;font-size:22px;line-height:1.25;font-weight:650;letter-spacing:-.01em}
.meta{margin:0;color:#c4d0e2;font-size:13px}
nav.toc{position:sticky;top:0;z-index:20;display:flex;align-items:center;gap:2px;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:0 20px;box-shadow:0 1px 2px rgba(15,27,45,.04)}
nav.toc a{color:var(--muted);text-decoration:none;font-weight:560;font-size:13px;padding:11px 10px 9px;border-bottom:2px solid transparent}
nav.toc a:hover,nav.toc a:focus{color:var(--ink);border-bottom-color:var(--accent);outline:none}
.toc-spacer{flex:1}
.toc-hint{color:var(--faint);font-size:12px}
main{padding:14px 24px 48px;max-width:1880px;margin:0 auto}
.lede{margin:0 0 14px;color:var(--muted);max-width:1100px;font-size:13.5px}
section{margin:0 0 30px}
h2{font-size:18px;margin:0 0 4px;font-weight:650;letter-spacing:-.005em}
h3{font-size:14px;margin:0;font-weight:620}
.section-note{margin:0 0 12px;color:var(--muted);font-size:13px;max-width:1100px}
.workspace{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:14px;height:calc(100vh - 150px);min-height:560px}
.stage{display:flex;flex-direction:column;min-width:0;min-height:0;background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:hidden;box-shadow:0 1px 3px rgba(15,27,45,.06)}
.toolbar{display:flex;align-items:center;gap:6px;padding:8px 10px;border-bottom:1px solid var(--line);background:#fbfcfd;flex-wrap:wrap}
.toolbar button,.btn{font:inherit;font-size:13px;min-width:32px;height:30px;padding:0 10px;border:1px solid #cfd6e0;border-radius:7px;background:#fff;color:var(--ink);cursor:pointer}
.toolbar button:hover,.btn:hover{border-color:var(--accent);color:var(--accent)}
.search{position:relative}
.search input{font:inherit;font-size:13px;width:220px;height:30px;padding:0 10px;border:1px solid #cfd6e0;border-radius:7px;background:#fff}
.search input:focus{outline:2px solid var(--accent-soft);border-color:var(--accent)}
.search-results{position:absolute;z-index:30;top:34px;left:0;width:320px;margin:0;padding:4px;list-style:none;background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 8px 24px rgba(15,27,45,.14)}
.search-results button{display:block;width:100%;text-align:left;border:0;background:none;padding:6px 8px;border-radius:6px;font:inherit;font-size:13px;cursor:pointer}
.search-results button:hover,.search-results button:focus{background:var(--accent-soft);outline:none}
.search-results small{color:var(--faint);margin-left:6px}
.diagram-area{position:relative;flex:1;min-height:0;display:flex;flex-direction:column}
.legend{position:absolute;z-index:5;left:10px;bottom:10px;max-width:calc(100% - 20px);display:flex;flex-wrap:wrap;gap:2px 4px;padding:5px 6px;font-size:12px;color:var(--muted);background:rgba(255,255,255,.92);border:1px solid var(--line);border-radius:9px;box-shadow:0 2px 8px rgba(15,27,45,.08)}
.legend button{height:auto;min-width:0;padding:2px 6px;border:1px solid transparent;background:none;font-size:12px;color:var(--muted)}
.legend button.on{border-color:var(--accent);color:var(--ink);background:var(--accent-soft)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:5px;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
.banner{padding:7px 12px;font-size:13px;background:#fff8e6;border-bottom:1px solid #f5d48a;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.banner b{font-weight:650}
.key-removed,.key-affected,.key-cut{display:inline-block;width:18px;height:4px;border-radius:2px;vertical-align:middle;margin-right:4px}
.key-removed{background:var(--red)}.key-affected{background:var(--amber)}.key-cut{background:repeating-linear-gradient(90deg,var(--red) 0 4px,transparent 4px 7px)}
.diagram{position:relative;flex:1;min-height:0;overflow:hidden;background:#fff;cursor:grab;touch-action:none}
.diagram:focus{outline:none;box-shadow:inset 0 0 0 2px var(--accent-soft)}
.diagram.dragging{cursor:grabbing}
.diagram svg{display:block;width:100%;height:100%;user-select:none;-webkit-user-select:none}
.diagram g.node{cursor:pointer}
.diagram g.node:hover ellipse,.diagram g.node:hover polygon,.diagram g.node:hover path{stroke-width:2.5px}
.diagram svg.focus g.node,.diagram svg.focus g.edge,.diagram svg.scenario g.node,.diagram svg.scenario g.edge,.diagram svg.kindfilter g.node{transition:opacity .15s}
.diagram svg.focus g.node:not(.sel):not(.nb),.diagram svg.focus g.edge:not(.nb){opacity:.14}
.diagram svg.kindfilter g.node:not(.kf){opacity:.14}
.diagram g.node.sel ellipse,.diagram g.node.sel polygon,.diagram g.node.sel path{stroke:var(--accent);stroke-width:4px}
.diagram g.edge.nb path{stroke-width:2px}
.diagram svg.scenario g.node:not(.sc-removed):not(.sc-affected){opacity:.22}
.diagram svg.scenario g.edge:not(.sc-cut){opacity:.16}
.diagram g.node.sc-removed ellipse,.diagram g.node.sc-removed polygon,.diagram g.node.sc-removed path{stroke:var(--red);stroke-width:5px}
.diagram g.node.sc-affected ellipse,.diagram g.node.sc-affected polygon,.diagram g.node.sc-affected path{stroke:var(--amber);stroke-width:5px}
.diagram g.edge.sc-cut path{stroke:var(--red);stroke-width:2.5px;stroke-dasharray:5 4}
.diagram g.edge.sc-cut polygon{fill:var(--red);stroke:var(--red)}
.zoom-level{margin-left:auto;color:var(--faint);font-size:12px;font-variant-numeric:tabular-nums}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:auto;overflow-wrap:anywhere;padding:16px 18px 20px;box-shadow:0 1px 3px rgba(15,27,45,.06)}
.panel .empty,.empty{color:var(--faint);font-size:13px}
.eyebrow{font-size:11px;text-transform:uppercase;letter-spacing:.1em;color:var(--accent);font-weight:650}
.hint{font-size:13px;color:var(--muted);margin:6px 0 0;padding:8px 10px;background:var(--accent-soft);border-radius:8px}
.desc{font-size:13px;color:var(--muted);line-height:1.5;margin:0}
ol.toplist{margin:0;padding:0 0 0 20px;font-size:13px}
ol.toplist li{margin:0 0 3px}
ol.toplist .row{display:flex;gap:10px;align-items:baseline}
ol.toplist .row .node-link{min-width:0}
ol.toplist .row .muted{margin-left:auto;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:var(--faint)}
.panel h2{font-size:19px;margin:4px 0 2px;line-height:1.25;word-break:break-word}
.panel h3{font-size:11px;text-transform:uppercase;letter-spacing:.1em;color:var(--faint);margin:18px 0 6px;font-weight:650}
.panel .idline{font-family:var(--mono);font-size:12px;color:var(--muted);word-break:break-all}
.badge{display:inline-flex;align-items:center;font-size:11px;font-weight:600;padding:1px 8px;border-radius:999px;background:#eef1f5;color:#3c4757;margin-right:4px}
.badge.warn{background:#fff3d6;color:#8a5a00}
.note{font-size:13px;color:var(--muted);margin:8px 0 0;padding:6px 10px;border-left:3px solid var(--line);background:#fafbfc}
.stats{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin-top:12px}
.stat{border:1px solid var(--line);border-radius:9px;padding:8px 10px}
.stat .v{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
.stat .l{font-size:11.5px;color:var(--muted)}
dl.attrs{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:0;font-size:13px}
dl.attrs dt{color:var(--muted)}
dl.attrs dd{margin:0;word-break:break-word}
ul.plain{list-style:none;margin:0;padding:0}
ul.sources li{margin:0 0 8px;font-size:13px;line-height:1.4;word-break:break-word}
ul.sources .src-meta{display:block;color:var(--faint);font-size:12px}
ul.rel li{font-size:13px;margin:0 0 3px}
ul.rel .ek{color:var(--faint);font-size:12px;margin:0 4px}
code,.mono{font-family:var(--mono);font-size:12px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
.node-link{font:inherit;color:var(--accent);background:none;border:0;padding:0;cursor:pointer;text-align:left}
.node-link:hover{text-decoration:underline}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px;align-items:start}
table.data td.grow{max-width:0;width:100%}
table.data td.grow .node-link{display:block;max-width:100%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.edge-cell{display:block}
.edge-cell .to{display:flex;gap:4px;min-width:0}
.edge-cell .arrow{color:var(--faint);flex:none}
.edge-cell .to .node-link{min-width:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px 10px;box-shadow:0 1px 2px rgba(15,27,45,.04);min-width:0}
.card p{margin:2px 0 8px;font-size:12px;color:var(--muted);line-height:1.4}
.box{background:var(--card);border:1px solid var(--line);border-radius:12px;box-shadow:0 1px 2px rgba(15,27,45,.04);overflow:hidden}
.scroll{max-height:520px;overflow:auto}
table.data{border-collapse:separate;border-spacing:0;width:100%;font-size:13px}
table.data th{position:sticky;top:0;z-index:1;background:#f7f9fb;text-align:left;font-weight:600;color:#3c4757;border-bottom:1px solid var(--line);padding:0;white-space:nowrap}
table.data th button{font:inherit;color:inherit;background:none;border:0;padding:7px 10px;width:100%;text-align:inherit;cursor:pointer}
table.data th button:hover{color:var(--accent)}
table.data th[aria-sort=ascending] button::after{content:" ▲";font-size:9px}
table.data th[aria-sort=descending] button::after{content:" ▼";font-size:9px}
table.data th.num{text-align:right}
table.data td{padding:5px 10px;border-bottom:1px solid #eef1f4;vertical-align:top}
table.data tr:last-child td{border-bottom:0}
table.data tbody tr:hover td{background:#f8faff}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.muted{color:var(--muted)}
table.compact td{padding:3px 6px}
table.compact th button{padding:5px 6px}
.bar{position:relative;display:flex;align-items:center;justify-content:flex-end;gap:6px}
.bar i{display:block;height:6px;border-radius:3px;background:linear-gradient(90deg,#8fa9ef,var(--accent));min-width:1px}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{font-size:12px;border:1px solid var(--line);border-radius:999px;padding:1px 8px;background:#fafbfc}
details.scenario{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:10px 0;padding:0 14px}
details.scenario summary{cursor:pointer;padding:10px 0;font-weight:600}
details.scenario summary span{font-weight:400;color:var(--muted);margin-left:8px}
details.scenario[open] summary{border-bottom:1px solid var(--line);margin-bottom:10px}
details.scenario .inner{padding-bottom:12px}
.kv{font-size:13px;margin:4px 0}
.kv b{font-weight:600;color:#3c4757;margin-right:6px}
ul.notes{margin:6px 0 12px;padding-left:18px;color:var(--muted);font-size:13px}
footer{display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap;padding:14px 28px 22px;color:var(--faint);font-size:12px;border-top:1px solid var(--line)}
@media (max-width:1100px){.workspace{grid-template-columns:1fr;height:auto}.stage{height:70vh}.panel{max-height:none}}
@media print{
@page{margin:14mm}
.print-only{display:block}
.legend{position:static;box-shadow:none;border:0}
body{background:#fff;font-size:10.5px}
header.top{background:none;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
.brand,.meta{color:#333}
nav.toc,.toolbar,.panel,.banner,.no-print,.sc-show,footer span:last-child{display:none!important}
main{padding:10px 0;max-width:none}
.workspace{display:block;height:auto;min-height:0;break-after:page}
.stage{border:0;box-shadow:none;display:block}
.diagram{height:auto;overflow:visible}
.diagram svg{width:100%;height:auto;max-height:240mm}
.diagram svg *{opacity:1!important}
.cards{grid-template-columns:1fr 1fr}
.card,.box,details.scenario{box-shadow:none;break-inside:avoid-page}
.scroll{max-height:none!important;overflow:visible!important}
table.data th{position:static}
tr{break-inside:avoid}
h2{break-after:avoid}
.node-link{color:#000}
a{color:#000}
ul.sources a[href]::after,#ecograph-provenance a[href]::after{content:" <" attr(href) ">";color:#555;font-size:9px;word-break:break-all}
}
"""#
}
