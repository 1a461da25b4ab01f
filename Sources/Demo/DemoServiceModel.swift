/// What one simulated service looks like: its routes and traffic, how fast and how reliably it
/// answers, and how an incident changes that.
struct DemoServiceModel: Sendable {
    struct Route: Sendable {
        var method: String
        var path: String
        /// Share of the service's traffic.
        var share: Double
    }

    var name: String
    var routes: [Route]
    /// Requests per second on average.
    var rate: Double
    /// Median latency in seconds and the log-normal spread.
    var medianLatency: Double
    var sigma: Double
    /// Shares of 5xx and 4xx answers in quiet times.
    var serverErrors: Double
    var clientErrors: Double
    /// During an incident: the 5xx share and how much slower requests get.
    var incidentServerErrors: Double
    var incidentSlowdown: Double
    /// CPU seconds per request, and the resident memory floor.
    var cpuPerRequest: Double
    var memoryBase: Double

    static let all: [DemoServiceModel] = [
        DemoServiceModel(
            name: "checkout",
            routes: [Route(method: "GET", path: "/api/cart", share: 0.65), Route(method: "POST", path: "/api/checkout", share: 0.35)],
            rate: 40, medianLatency: 0.045, sigma: 0.55, serverErrors: 0.004, clientErrors: 0.015,
            incidentServerErrors: 0.025, incidentSlowdown: 1.7, cpuPerRequest: 0.004, memoryBase: 180e6),
        DemoServiceModel(
            name: "payments",
            routes: [Route(method: "POST", path: "/api/charge", share: 0.85), Route(method: "POST", path: "/api/refund", share: 0.15)],
            rate: 18, medianLatency: 0.12, sigma: 0.45, serverErrors: 0.003, clientErrors: 0.01,
            incidentServerErrors: 0.22, incidentSlowdown: 3.2, cpuPerRequest: 0.006, memoryBase: 240e6),
        DemoServiceModel(
            name: "search",
            routes: [Route(method: "GET", path: "/api/search", share: 0.8), Route(method: "GET", path: "/api/suggest", share: 0.2)],
            rate: 75, medianLatency: 0.018, sigma: 0.7, serverErrors: 0.002, clientErrors: 0.02,
            incidentServerErrors: 0.002, incidentSlowdown: 1, cpuPerRequest: 0.002, memoryBase: 410e6),
    ]

    /// Histogram bucket bounds (Prometheus client libraries' defaults).
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
}
