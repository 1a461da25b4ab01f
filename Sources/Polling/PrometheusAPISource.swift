import Config
import Foundation
import HTTP
import TimeSeries

/// A PromQL query run on a Prometheus-compatible server (Prometheus, Thanos, Mimir, Cortex,
/// VictoriaMetrics) through its HTTP API: each poll is an instant query at the poll's time whose
/// vector or scalar becomes the target's samples; on start, `query_range` back-fills history.
/// This is how Vigil watches a fleet larger than one machine can scrape.
///
/// Series keep the labels the server returns; one without `__name__` (an aggregation) and a
/// scalar are named after the source (`metricName`).
public struct PrometheusAPISource: BackfillingSource {
    /// The response cap when the source sets no `body_size_limit`.
    public static let defaultBodyLimit = 64 << 20

    /// `http(s)://host:port[/prefix]`, without a trailing slash.
    public let baseURL: String
    public let query: String
    /// The `query_range` resolution, in milliseconds.
    public let stepMs: Int64
    public let metricName: String
    public let settings: HTTPSettings
    public let client: HTTPClient
    /// Points per series per range request: Prometheus refuses more than 11,000, so longer
    /// back-fills are split.
    var pointsPerRequest: Int64 = 10_000

    public init(baseURL: String, query: String, step: Duration, metricName: String,
                settings: HTTPSettings = HTTPSettings(), client: HTTPClient) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.query = query
        self.stepMs = max(1, step.nanoseconds / 1_000_000)
        self.metricName = metricName
        self.settings = settings
        self.client = client
    }

    /// From a `prometheus_api` source: its URL (`prometheus://`, `prometheuss://`, `http://`,
    /// `https://`; the query string is dropped) and its query and step.
    init(_ source: SourceConfig, client: HTTPClient) throws(SourceFactory.Failure) {
        guard let api = source.prometheusAPI else {
            throw SourceFactory.Failure(description: "source \(source.name): a prometheus_api source needs prometheus_api.query")
        }
        guard let url = source.url, let base = Self.baseURL(from: url) else {
            throw SourceFactory.Failure(description: "source \(source.name): a prometheus_api source needs a url like prometheus://host:9090")
        }
        self.init(baseURL: base, query: api.query, step: .milliseconds(api.step.milliseconds),
                  metricName: CommandSource.metricName(for: source.name), settings: HTTPSettings(source), client: client)
    }

    /// `prometheus://h:9090/prefix?query=up` → `http://h:9090/prefix`; `prometheuss` → `https`.
    static func baseURL(from url: String) -> String? {
        guard let sep = url.range(of: "://") else { return nil }
        let scheme: String
        switch url[..<sep.lowerBound].lowercased() {
        case "prometheus", "http": scheme = "http"
        case "prometheuss", "https": scheme = "https"
        default: return nil
        }
        var rest = url[sep.upperBound...]
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty else { return nil }
        return scheme + "://" + rest
    }

    /// Prometheus's `instance` for the server: `host:port`.
    public var instance: String { SourceFactory.instance(of: baseURL) }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let result = try await request("query", ["query": query, "time": Self.seconds(now)], deadline: deadline)
        var w = ExpositionWriter()
        var byName: [String: [[(String, String)]]] = [:]
        var values: [String: [Double]] = [:]
        var order: [String] = []
        for s in result.series {
            guard let last = s.samples.last else { continue }
            let (name, labels) = exposed(s.labels)
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(labels)
            values[name, default: []].append(last.v)
        }
        // The text format wants each metric's lines together.
        for name in order {
            for (labels, v) in zip(byName[name] ?? [], values[name] ?? []) { w.sample(name, labels: labels, v) }
        }
        return PollPayload(body: w.bytes, format: .prometheusText)
    }

    public func backfill(from: Int64, to: Int64, deadline: ContinuousClock.Instant) async throws -> [BackfillSeries] {
        // Step-aligned bounds, as query frontends (Thanos, Mimir) cache them.
        let start = Self.floor(from, stepMs) + stepMs, end = Self.floor(to, stepMs)
        guard start <= end else { return [] }
        var history: [Labels: [Sample]] = [:]
        var chunkStart = start
        while chunkStart <= end {
            let chunkEnd = min(end, chunkStart + (max(1, pointsPerRequest) - 1) * stepMs)
            let result = try await request("query_range", [
                "query": query, "start": Self.seconds(chunkStart), "end": Self.seconds(chunkEnd),
                "step": Self.seconds(stepMs),
            ], deadline: deadline)
            for s in result.series {
                let (name, labels) = exposed(s.labels)
                let key = Labels(labels.map { Label($0.0, $0.1) } + [Label(metricNameLabel, name)])
                history[key, default: []].append(contentsOf: s.samples)
            }
            chunkStart = chunkEnd + stepMs
        }
        return history.map { BackfillSeries(labels: $0.key, samples: Self.withStaleMarkers($0.value, step: stepMs, end: end)) }
            .sorted { $0.labels < $1.labels }
    }

    /// A range query has no samples where a series was absent; a stale marker one step after each
    /// gap's start (and after the last sample, if it ends before `end`) keeps the store from
    /// extending the series over the gap by the lookback window.
    static func withStaleMarkers(_ samples: [Sample], step: Int64, end: Int64) -> [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(samples.count + 1)
        for s in samples {
            if let last = out.last, s.t <= last.t { continue }
            if let last = out.last, s.t - last.t > step { out.append(Sample(t: last.t + step, v: StaleNaN.value)) }
            out.append(s)
        }
        if let last = out.last, last.t + step <= end { out.append(Sample(t: last.t + step, v: StaleNaN.value)) }
        return out
    }

    /// The metric name and the other labels of a returned series, made safe for the text format:
    /// names outside `[a-zA-Z_][a-zA-Z0-9_]*` (UTF-8 names of Prometheus 3) get `_` for other characters.
    func exposed(_ labels: [String: String]) -> (String, [(String, String)]) {
        let name = labels[metricNameLabel].map { Self.sanitized($0, colons: true) } ?? metricName
        let rest = labels.filter { $0.key != metricNameLabel && !$0.value.isEmpty }
            .map { (Self.sanitized($0.key, colons: false), $0.value) }
            .sorted { $0.0 < $1.0 }
        return (name, rest)
    }

    static func sanitized(_ s: String, colons: Bool) -> String {
        var out = String(s.unicodeScalars.map { u -> Character in
            let ok = u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "_" || (colons && u == ":"))
            return ok ? Character(u) : "_"
        })
        if let f = out.first, f.isNumber { out = "_" + out }
        return out.isEmpty ? "_" : out
    }

    /// Unix ms as the API's seconds: `1435781451.781`.
    static func seconds(_ ms: Int64) -> String {
        let s = ms / 1000, r = abs(ms % 1000)
        let sign = ms < 0 && s == 0 ? "-" : ""
        return r == 0 ? "\(sign)\(s)" : "\(sign)\(s)." + String(String(r + 1000).dropFirst())
    }

    static func floor(_ t: Int64, _ step: Int64) -> Int64 {
        let r = t % step
        return r < 0 ? t - r - step : t - r
    }

    /// One API call: GET with the form in the query string, POST (form body) when it is long.
    func request(_ endpoint: String, _ form: [String: String], deadline: ContinuousClock.Instant) async throws(PollError) -> PrometheusAPIResult {
        let left = deadline - .now
        var fields = form
        fields["timeout"] = "\(max(1, left.nanoseconds / 1_000_000))ms"
        let encoded = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.formEncoded($0.value))" }.joined(separator: "&")
        let url = "\(baseURL)/api/v1/\(endpoint)"
        var request: HTTPRequest
        do {
            if encoded.utf8.count <= 4000 {
                request = try HTTPRequest.get(url + "?" + encoded)
            } else {
                request = HTTPRequest(method: "POST", url: try HTTPURL(url), body: Array(encoded.utf8))
                request.headers.set("Content-Type", "application/x-www-form-urlencoded")
            }
        } catch {
            throw PollError("\(error)")
        }
        request.headers.set("Accept", "application/json")
        try settings.apply(to: &request)
        guard left > .zero else { throw PollError("Get \"\(request.url.redacted)\": context deadline exceeded") }
        let limit = settings.bodySizeLimit > 0 ? settings.bodySizeLimit : Self.defaultBodyLimit
        let response: HTTPResponse
        do { response = try await client.send(request, timeout: left, bodyLimit: limit) } catch {
            throw PollError(error.description)
        }
        do {
            return try PrometheusAPIResult.decode(response.body, httpStatus: response.status, maxBytes: limit)
        } catch {
            throw PollError("\(request.method == "GET" ? "Get" : "Post") \"\(request.url.redacted.prefix(200))\": \(error)")
        }
    }

    /// `application/x-www-form-urlencoded` value: unreserved characters as they are, the rest `%XX`.
    static func formEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
