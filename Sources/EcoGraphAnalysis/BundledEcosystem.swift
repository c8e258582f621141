import Foundation

extension Ecosystem {
    /// The file name of the ecosystem graph this library ships: China's open-source AI ecosystem,
    /// curated from the project's seed document and public sources (see Graphs/README.md).
    public static let bundledFileName = "china-open-source-ai.yaml"

    /// The path of the bundled graph file, looked up in the resource bundle next to the executable
    /// (or in the build folder during development).
    ///
    /// Unlike SwiftPM's generated `Bundle.module`, which traps when the bundle is missing, this throws a
    /// `GraphFileError` that tells the user to pass a file instead.
    public static func bundledPath() throws(GraphFileError) -> String {
        let bundleName = "EcoGraph_EcoGraphAnalysis.resources"
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        for folder in candidates {
            let file = folder.appendingPathComponent(bundledFileName)
            if FileManager.default.fileExists(atPath: file.path) { return file.path }
        }
        throw GraphFileError(file: bundledFileName, position: nil,
            message: "the bundled graph was not found next to the executable (\(bundleName)); pass a graph file instead")
    }

    /// Loads the bundled ecosystem graph.
    public static func bundled() throws(GraphFileError) -> Ecosystem {
        try EcosystemFile.read(contentsOf: bundledPath())
    }
}
