import Config
import Foundation
import HTTPServer

/// Vigil's built-in demo, run when there is no config and no URL: simulated services (checkout,
/// payments, search and a job worker) serving Prometheus metrics over real HTTP on loopback ports,
/// with traffic that rises and falls, a payments incident every five minutes and a queue that fills
/// and drains. Values follow from the time since `start` alone (see `DemoSimulation`).
///
/// All services share one `HTTPServer` (one listener each, one event-loop thread).
public final class Demo: Sendable {
    public let endpoints: [DemoEndpoint]
    /// When the simulation's clock started.
    public let startedAt: Date
    private let server: HTTPServer
    private let state: DemoState

    /// Starts the services on `127.0.0.1`, each on a port the kernel picks.
    public static func start(seed: UInt64 = 7) throws(DemoError) -> Demo {
        try Demo(seed: seed)
    }

    private init(seed: UInt64) throws(DemoError) {
        let started = Date()
        let state = DemoState(seed: seed, startEpochSeconds: started.timeIntervalSince1970)
        let jobs = DemoSimulation.jobs
        let server: HTTPServer
        do {
            server = try HTTPServer(listen: jobs.map { _ in "127.0.0.1:0" }, options: HTTPServerOptions(serverName: "vigil-demo")) { request in
                guard let job = state.job(at: request.localAddress) else { return .status(404) }
                return Demo.respond(request, job: job, state: state)
            }
        } catch {
            throw DemoError("demo: \(error)")
        }
        for (job, address) in zip(jobs, server.addresses) { state.assign(job, to: address.description) }
        self.server = server
        self.state = state
        startedAt = started
        endpoints = zip(jobs, server.addresses).map { DemoEndpoint(job: $0, address: $1.description) }
    }

    /// Stops serving; the simulation's state is dropped with the object.
    public func stop() {
        server.stop()
    }

    /// Seconds since the demo started.
    public var elapsed: Double { state.elapsed }

    /// The demo's config text for these endpoints (rule file `demo-rules.yml` next to it).
    public var configText: String {
        DemoBundle.configText(addresses: Dictionary(uniqueKeysWithValues: endpoints.map { ($0.job, $0.address) }))
    }

    /// Writes the rule file into `directory` (created if missing) and returns the demo's config,
    /// loaded as `vigil --config DIR/demo.yml` would load it, naming that rule file. The config
    /// itself stays in memory: it holds this process's ports, and another `vigil` running the demo
    /// shares the folder (the rule file is the same for every process).
    public func config(writingRulesInto directory: String) throws(DemoError) -> Config {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(DemoBundle.rulesText.utf8).write(to: URL(fileURLWithPath: directory + "/" + DemoBundle.ruleFileName), options: .atomic)
        } catch {
            throw DemoError("demo: cannot write its rule file in \(directory): \(error.localizedDescription)")
        }
        do {
            return try ConfigLoader.parse(text: configText, file: directory + "/" + DemoBundle.configFileName, directory: directory)
        } catch {
            throw DemoError("demo: its bundled config does not load: \(error)")
        }
    }

    private static func respond(_ request: HTTPServerRequest, job: String, state: DemoState) -> HTTPServerResponse {
        guard request.method == "GET" || request.method == "HEAD" else { return .status(405) }
        switch request.path {
        case "/metrics":
            guard let page = state.page(job) else { return .status(404) }
            return .bytes(page, contentType: "text/plain; version=0.0.4; charset=utf-8")
        case "/":
            return .text("Vigil demo service \"\(job)\": metrics at /metrics\n")
        default:
            return .status(404)
        }
    }
}
