// libFuzzer harness: ThemeFile.decode, as YAML then as JSON (what `ecograph render --theme FILE` reads).
// A thrown GraphFileError is the reader's answer to a bad file, not a finding; the catch below catches only it
// (the readers throw typed GraphFileError), so a crash, a trap, an ASan report, a timeout (-timeout=) or a memory
// blow-up (-rss_limit_mb=) is what libFuzzer reports.
import EcoGraphIO
import FuzzSupport
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    do { _ = try ThemeFile.decode(text, format: .yaml, file: "fuzz.yaml") } catch { _ = error as GraphFileError }
    do { _ = try ThemeFile.decode(text, format: .json, file: "fuzz.json") } catch { _ = error as GraphFileError }
    return 0
}

@main enum Harness {
    static func main() { exit(FuzzDriver.run(fuzz)) }
}
