import Testing
import TimeSeries
@testable import Polling

/// Decoding of the Prometheus HTTP API's documented response shapes (the real server's answers are
/// checked in `PrometheusAPISourceTests`); here the edge cases a healthy server rarely produces.
@Suite struct PrometheusAPIResultTests {
    func decode(_ s: String, status: Int = 200) throws -> PrometheusAPIResult {
        try PrometheusAPIResult.decode(Array(s.utf8), httpStatus: status)
    }

    @Test func vectorWithSpecialValues() throws {
        let r = try decode(#"""
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"__name__":"up","job":"a"},"value":[1435781451.781,"1"]},
              {"metric":{"job":"b"},"value":[1435781451.781,"NaN"]},
              {"metric":{},"value":[1435781451,"+Inf"]},
              {"metric":{"x":"y"},"value":[1435781451.001,"-Inf"]},
              {"metric":{"x":"z"},"value":[1435781451.1,"1e-05"]}
            ]},"warnings":["partial"],"infos":["x"]}
            """#)
        #expect(r.resultType == .vector)
        #expect(r.warnings == ["partial"])
        #expect(r.series.map(\.labels) == [["__name__": "up", "job": "a"], ["job": "b"], [:], ["x": "y"], ["x": "z"]])
        #expect(r.series.map { $0.samples[0].t } == [1_435_781_451_781, 1_435_781_451_781, 1_435_781_451_000, 1_435_781_451_001, 1_435_781_451_100])
        #expect(r.series[0].samples[0].v == 1)
        #expect(r.series[1].samples[0].v.isNaN)
        #expect(r.series[2].samples[0].v == .infinity)
        #expect(r.series[3].samples[0].v == -.infinity)
        #expect(r.series[4].samples[0].v == 1e-05)
    }

    @Test func matrixScalarAndExtraFields() throws {
        let m = try decode(#"""
            {"status":"success","isPartial":false,"data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"q"},"values":[[10,"1"],[25,"2.5"]]},
              {"metric":{"__name__":"h"},"histograms":[[10,{"count":"1","sum":"2","buckets":[]}]]}
            ]},"stats":{"seriesFetched":"2","executionTimeMsec":0}}
            """#)
        #expect(m.resultType == .matrix)
        #expect(m.series == [.init(labels: ["__name__": "q"], samples: [Sample(t: 10_000, v: 1), Sample(t: 25_000, v: 2.5)])])
        #expect(m.skippedHistograms == 1)
        let s = try decode(#"{"status":"success","data":{"resultType":"scalar","result":[1700000000.5,"42"]}}"#)
        #expect(s.series == [.init(labels: [:], samples: [Sample(t: 1_700_000_000_500, v: 42)])])
        let empty = try decode(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
        #expect(empty.series.isEmpty)
    }

    @Test(arguments: [
        (#"{"status":"error","errorType":"bad_data","error":"1:5: parse error: unclosed left parenthesis"}"#, 400,
         "query failed (bad_data, HTTP 400): 1:5: parse error: unclosed left parenthesis"),
        (#"{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}"#, 503,
         "query failed (timeout, HTTP 503)"),
        ("<html>Bad Gateway</html>", 502, "server returned HTTP status 502"),
        ("<html>oops</html>", 200, "not a Prometheus API response: invalid JSON"),
        (#"{"data":{}}"#, 200, "no \"status\" field"),
        (#"{"status":"success","data":{"resultType":"string","result":[1,"x"]}}"#, 200, "returns a string"),
        (#"{"status":"success","data":{"resultType":"tensor","result":[]}}"#, 200, "unknown resultType"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}"#, 200,
         "data.result[0].value has a value that is not a number in a string"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}"#, 200,
         "not a number in a string"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1e300,"1"]}]}}"#, 200,
         "timestamp out of range"),
        (#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1]]}]}}"#, 200,
         "data.result[0].values[0] is not a [timestamp, \"value\"] pair"),
        (#"{"status":"success","data":{"resultType":"vector","result":{}}}"#, 200, "data.result is an object"),
    ] as [(String, Int, String)])
    func errors(_ body: String, _ status: Int, _ message: String) {
        #expect {
            _ = try decode(body, status: status)
        } throws: { ($0 as? PollError)?.description.contains(message) == true }
    }

    @Test func staleMarkersCloseGaps() {
        let s = [Sample(t: 0, v: 1), Sample(t: 1000, v: 1), Sample(t: 5000, v: 2)]
        let out = PrometheusAPISource.withStaleMarkers(s, step: 1000, end: 9000)
        #expect(out.map(\.t) == [0, 1000, 2000, 5000, 6000])
        #expect(StaleNaN.isStale(out[2].v) && StaleNaN.isStale(out[4].v))
        #expect(PrometheusAPISource.withStaleMarkers(s, step: 1000, end: 5500).count == 4)
    }

    @Test func urlsAndEncoding() {
        #expect(PrometheusAPISource.baseURL(from: "prometheus://h:9090?query=up&step=15s") == "http://h:9090")
        #expect(PrometheusAPISource.baseURL(from: "prometheuss://u@h/prom/?query=up") == "https://u@h/prom")
        #expect(PrometheusAPISource.baseURL(from: "https://thanos.internal:10902/") == "https://thanos.internal:10902")
        #expect(PrometheusAPISource.baseURL(from: "redis://h") == nil)
        #expect(PrometheusAPISource.formEncoded("sum by (job) (rate(x{a=~\"b|c\"}[5m]))") ==
                "sum%20by%20%28job%29%20%28rate%28x%7Ba%3D~%22b%7Cc%22%7D%5B5m%5D%29%29")
        #expect(PrometheusAPISource.seconds(1_435_781_451_781) == "1435781451.781")
        #expect(PrometheusAPISource.seconds(1_435_781_451_005) == "1435781451.005")
        #expect(PrometheusAPISource.seconds(15_000) == "15")
        #expect(PrometheusAPISource.floor(-1500, 1000) == -2000)
        #expect(PrometheusAPISource.sanitized("http.status", colons: false) == "http_status")
        #expect(PrometheusAPISource.sanitized("1x", colons: false) == "_1x")
    }
}
