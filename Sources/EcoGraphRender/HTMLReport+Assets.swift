extension HTMLReport {
    /// The page's one script (allowed by its hash), from `Resources/report.js`. It reads `#ecograph-data`,
    /// builds every table and the side panel with `createElement`/`textContent` (never `innerHTML`), links only
    /// `http(s)` URLs, wires pan and zoom on the inline SVG, and finally writes `#ecograph-status`
    /// (`{"ok":…,"nodes":…,"svgNodes":…,"errors":[…]}`), which uncaught errors also reach, for headless checks.
    ///
    /// The file is compiled into the binary (`.embedInCode` in Package.swift), so no resource bundle is needed at
    /// run time; its bytes are the page's bytes, final newline or not. `Tests/Syntax/check_assets.sh` parses it.
    static let script = String(decoding: PackageResources.report_js, as: UTF8.self)

    /// The page's one stylesheet (allowed by its hash), from `Resources/report.css`. Screen: header, a large
    /// pannable diagram beside a side panel, tables below; print: no controls, the whole diagram, every table
    /// unclipped. Embedded like `script`.
    static let stylesheet = String(decoding: PackageResources.report_css, as: UTF8.self)
}
