import Foundation
import Testing

/// Asserts that two numbers agree to an absolute-or-relative tolerance:
/// `|actual - expected| <= tolerance * max(1, |expected|)`.
public func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ context: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let ok = abs(actual - expected) <= tolerance * max(1, abs(expected))
        || (actual.isNaN && expected.isNaN) || (actual == expected)
    #expect(ok, "\(context()) got \(actual), expected \(expected) (tolerance \(tolerance))", sourceLocation: sourceLocation)
}

/// Asserts element-wise closeness of two vectors of equal length.
public func expectClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double, _ context: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(context()) length \(actual.count) != \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, tolerance: tolerance, "\(context())[\(i)]", sourceLocation: sourceLocation)
    }
}

/// Fixture files committed under `Tests/Fixtures`.
public enum Fixtures {
    /// The `Tests/Fixtures` folder of this checkout.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The path of a fixture file.
    public static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The contents of a fixture file.
    public static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    /// The repository's root folder.
    public static let repositoryRoot: URL = directory.deletingLastPathComponent().deletingLastPathComponent()
}

/// A small deterministic pseudo-random generator (SplitMix64) for generated test graphs.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
