// libFuzzer harness: CSVReader, directed and undirected (what `ecograph validate FILE.csv` reads).
// A thrown GraphFileError is the reader's answer to a bad file, not a finding; the catch below catches only it
// (the readers throw typed GraphFileError), so a crash, a trap, an ASan report, a timeout (-timeout=) or a memory
// blow-up (-rss_limit_mb=) is what libFuzzer reports.
import EcoGraphIO
import FuzzSupport
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size) else { return 0 }
    do { _ = try CSVReader().read(bytes: bytes, fileName: "fuzz.csv") } catch { _ = error as GraphFileError }
    do { _ = try CSVReader(isDirected: false).read(bytes: bytes, fileName: "fuzz.csv") } catch { _ = error as GraphFileError }
    return 0
}

@main enum Harness {
    static func main() { exit(FuzzDriver.run(fuzz)) }
}
