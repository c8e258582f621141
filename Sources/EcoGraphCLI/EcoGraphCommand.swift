import ArgumentParser
import EcoGraph

/// The `ecograph` command: subcommands that load a graph, call the library, and print.
public struct EcoGraphCommand: ParsableCommand {
    /// The command's name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ecograph",
        abstract: "Map and stress-test technology ecosystems: typed dependency graphs, centrality and chokepoints.",
        discussion: """
            Without a FILE, commands use the bundled graph of China's open-source AI ecosystem.
            Results go to stdout (a table, or JSON/CSV with --format); messages go to stderr.
            """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, StatsCommand.self, CentralityCommand.self, ChokepointsCommand.self, WhatIfCommand.self,
                      CutCommand.self, SensitivityCommand.self, DiffCommand.self, TimelineCommand.self, RenderCommand.self,
                      ReportCommand.self, ConvertCommand.self]
    )

    /// The root command (ArgumentParser creates it when parsing).
    public init() {}
}
