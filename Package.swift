// swift-tools-version:6.0
import PackageDescription

// Vigil: a terminal operations dashboard. Modules follow the data flow (docs/ARCHITECTURE.md);
// each imports only the boxes to its left. No third-party packages: toolchain and ncursesw only.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        .executable(name: "vigil-bench", targets: ["vigil-bench"]),
    ],
    targets: [
        // ncursesw is linked by the module map; pkg-config would add -D flags SwiftPM warns about.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "YAML", swiftSettings: strict),
        .target(name: "Arguments", swiftSettings: strict),
        .target(name: "Exposition", swiftSettings: strict),
        .target(name: "TimeSeries", swiftSettings: strict),
        .target(name: "Recording", dependencies: ["TimeSeries"], swiftSettings: strict),
        .target(name: "Scrape", dependencies: ["Exposition", "TimeSeries"], swiftSettings: strict),
        .target(name: "PromQL", dependencies: ["TimeSeries"], swiftSettings: strict),
        .target(name: "Templates", dependencies: ["TimeSeries"], swiftSettings: strict),
        .target(name: "Config", dependencies: ["YAML"], swiftSettings: strict),
        .target(name: "Alerting", dependencies: ["PromQL", "Templates", "YAML", "TimeSeries"], swiftSettings: strict),
        .target(name: "Inflate", swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["Inflate", "TLS"], swiftSettings: strict),
        .target(name: "TLS", swiftSettings: strict),
        .target(name: "HTTPServer", swiftSettings: strict),
        .target(name: "Demo", dependencies: ["HTTPServer", "Config"], swiftSettings: strict),
        .target(name: "RESP", swiftSettings: strict),
        .target(name: "Notify", dependencies: ["Alerting", "HTTP", "Config", "TimeSeries"], swiftSettings: strict),
        .target(name: "Terminal", swiftSettings: strict),
        .target(name: "GrafanaImport", dependencies: ["Config", "PromQL", "YAML"], swiftSettings: strict),
        .target(name: "Curses", dependencies: ["Terminal", "CNcursesw"], swiftSettings: strict),
        .target(
            name: "Dashboard",
            dependencies: ["Terminal", "PromQL", "TimeSeries", "Config", "Polling"],
            swiftSettings: strict),
        .target(
            name: "Polling",
            dependencies: ["HTTP", "RESP", "Scrape", "Exposition", "TimeSeries", "Config", "YAML"],
            swiftSettings: strict),
        .executableTarget(
            name: "vigil",
            dependencies: ["Arguments", "YAML", "Exposition", "TimeSeries", "Scrape", "PromQL", "Templates", "Config", "Alerting", "Polling", "Terminal", "Curses", "Dashboard", "GrafanaImport", "Demo", "HTTPServer", "Notify", "Recording", "CNcursesw"],
            swiftSettings: strict),
        .executableTarget(
            name: "vigil-bench",
            dependencies: ["Arguments", "Exposition", "TimeSeries", "Scrape", "Config", "PromQL", "Terminal", "Dashboard"],
            swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: strict),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"], swiftSettings: strict),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition"], swiftSettings: strict),
        .testTarget(name: "TimeSeriesTests", dependencies: ["TimeSeries", "Exposition"], swiftSettings: strict),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "TimeSeries"], swiftSettings: strict),
        .testTarget(name: "ScrapeTests", dependencies: ["Scrape", "Exposition", "TimeSeries"], swiftSettings: strict),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "TimeSeries"], swiftSettings: strict),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "TimeSeries"], swiftSettings: strict),
        .testTarget(name: "AlertingTests", dependencies: ["Alerting", "PromQL", "TimeSeries", "YAML"], swiftSettings: strict),
        .testTarget(name: "InflateTests", dependencies: ["Inflate"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Inflate"], swiftSettings: strict),
        .testTarget(name: "TLSTests", dependencies: ["TLS"], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTP"], swiftSettings: strict),
        .testTarget(
            name: "DemoTests",
            dependencies: ["Demo", "HTTP", "Config", "Alerting", "Scrape", "Exposition", "TimeSeries", "PromQL"],
            swiftSettings: strict),
        .testTarget(name: "RESPTests", dependencies: ["RESP"], swiftSettings: strict),
        .testTarget(name: "NotifyTests", dependencies: ["Notify", "Alerting", "HTTP", "Config", "TimeSeries"], swiftSettings: strict),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"], swiftSettings: strict),
        .testTarget(name: "PollingTests", dependencies: ["Polling", "Scrape", "Exposition", "TimeSeries", "Config"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "GrafanaImportTests", dependencies: ["GrafanaImport", "Config", "PromQL"], swiftSettings: strict),
        .testTarget(name: "CursesTests", dependencies: ["Curses", "Terminal"], swiftSettings: strict),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Terminal", "PromQL", "TimeSeries", "Config", "Polling"], swiftSettings: strict),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "YAML"], swiftSettings: strict),
        .testTarget(name: "VigilCLITests", dependencies: [], swiftSettings: strict),
    ]
)
