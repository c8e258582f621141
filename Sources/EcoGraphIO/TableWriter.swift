import Foundation

/// Rows of text cells written as an aligned table for people or as CSV for machines.
public struct TextTable: Sendable {
    /// How a column's cells are padded in `aligned`.
    public enum Alignment: Sendable {
        /// Padded on the right (text).
        case left
        /// Padded on the left (numbers).
        case right
    }

    /// The header row.
    public var headers: [String]
    /// How each column is aligned in `aligned` (numbers right).
    public var alignments: [Alignment]
    /// The rows, one cell per header.
    public var rows: [[String]]

    /// A table; columns are left-aligned unless told otherwise.
    public init(headers: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.rows = rows
    }

    /// Columns padded to their widest cell (East Asian wide characters count 2, combining marks 0),
    /// separated by two spaces, a rule under the header; trailing spaces trimmed; ends with a newline.
    public var aligned: String {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.displayWidth(cell)) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - Self.displayWidth(cell))
                parts.append(alignments[i] == .right ? pad + cell : cell + pad)
            }
            return String(parts.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// RFC 4180 CSV with a header row: fields holding commas, quotes or line breaks are quoted, quotes
    /// doubled; lines end with LF.
    public var csv: String {
        ([headers] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\n" }.joined()
    }

    /// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces (as `csv` writes it).
    public static func csvField(_ field: String) -> String {
        // By scalars: Swift reads "\r\n" as one Character, equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Terminal columns a string takes: 2 for East Asian wide and full-width characters, 0 for combining
    /// marks and control characters, 1 otherwise.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F ..< 0xA0).contains(v) { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            let wide = (0x1100 ... 0x115F).contains(v) || (0x2E80 ... 0x303E).contains(v) || (0x3041 ... 0x33FF).contains(v)
                || (0x3400 ... 0x4DBF).contains(v) || (0x4E00 ... 0x9FFF).contains(v) || (0xA000 ... 0xA4CF).contains(v)
                || (0xAC00 ... 0xD7A3).contains(v) || (0xF900 ... 0xFAFF).contains(v) || (0xFE30 ... 0xFE4F).contains(v)
                || (0xFF00 ... 0xFF60).contains(v) || (0xFFE0 ... 0xFFE6).contains(v) || (0x1F300 ... 0x1F64F).contains(v)
                || (0x1F900 ... 0x1F9FF).contains(v) || (0x20000 ... 0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return width
    }
}
