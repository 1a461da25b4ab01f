import Foundation
import HTTP

/// The one GET-and-decode-JSON step the broker management APIs (RabbitMQ, NATS monitoring)
/// share: credentials read now, one deadline, a bounded body, and statuses turned into words
/// an operator can act on. Nothing from the request's credentials ever reaches an error.
enum BrokerHTTP {
    /// Used when the source sets no `body_size_limit`: large enough for tens of thousands of
    /// queues, small enough that a hostile or confused server cannot exhaust memory.
    static let defaultBodyLimit = 64 << 20

    /// GETs `url` and parses its JSON body.
    /// - Parameter explain: words for a non-200 status, given the status and the server's own
    ///   `reason`/`error` text if its body said one; nil falls back to the plain status line.
    static func getJSON(
        _ url: String, settings: HTTPSettings, client: HTTPClient, deadline: ContinuousClock.Instant,
        fallbackAuthorization: HTTPAuthorization? = nil, explain: (Int, String?) -> String? = { _, _ in nil }
    ) async throws(PollError) -> Any {
        var request: HTTPRequest
        do { request = try HTTPRequest.get(url) } catch { throw PollError(error.description) }
        request.headers.set("Accept", "application/json")
        try settings.apply(to: &request)
        if request.authorization == nil { request.authorization = fallbackAuthorization }
        let left = deadline - .now
        guard left > .zero else { throw PollError("Get \"\(request.url.redacted)\": context deadline exceeded") }
        let limit = settings.bodySizeLimit > 0 ? settings.bodySizeLimit : defaultBodyLimit
        let response: HTTPResponse
        do {
            response = try await client.send(request, timeout: left, bodyLimit: limit)
        } catch {
            // The query (RabbitMQ's column list) is noise in an error; the path says enough.
            if case .status = error.kind { throw PollError(error.reason) }
            throw PollError("Get \"\(withoutQuery(error.redactedURL))\": \(error.reason)")
        }
        guard response.status == 200 else {
            let reason = serverReason(response.body)
            if let text = explain(response.status, reason) { throw PollError(text) }
            var text = "Get \"\(withoutQuery(request.url.redacted))\": server returned HTTP status \(response.statusText)"
            if let reason { text += " (\(reason))" }
            throw PollError(text)
        }
        do {
            return try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        } catch {
            throw PollError("Get \"\(withoutQuery(request.url.redacted))\": the response is not valid JSON (\(response.body.count) bytes, starting \(preview(response.body)))")
        }
    }

    static func withoutQuery(_ url: String) -> String {
        url.firstIndex(of: "?").map { String(url[..<$0]) } ?? url
    }

    /// The `reason` (RabbitMQ) or `error` text of a JSON error body, kept short and printable.
    static func serverReason(_ body: [UInt8]) -> String? {
        guard body.count <= 64 << 10,
              let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        for key in ["reason", "error", "description"] {
            if let s = object[key] as? String, !s.isEmpty { return printable(s, max: 200) }
        }
        return nil
    }

    /// The first bytes of a body, printable, for errors about what the server sent.
    static func preview(_ body: [UInt8]) -> String {
        "\"" + printable(String(decoding: body.prefix(40), as: UTF8.self), max: 40) + "\""
    }

    static func printable(_ s: String, max: Int) -> String {
        String(s.unicodeScalars.prefix(max).map { $0.value < 0x20 || $0.value == 0x7f ? "." : Character($0) })
    }

    // MARK: - Reading decoded JSON tolerantly

    /// A JSON number as a Double (big integers lose precision rather than failing); nil for
    /// anything else, including booleans and missing keys.
    static func number(_ value: Any?) -> Double? {
        guard let value else { return nil }
        if let n = value as? NSNumber {
            if String(cString: n.objCType) == "c" { return nil }  // a JSON true/false
            let d = n.doubleValue
            return d.isFinite ? d : nil
        }
        if let d = value as? Double { return d.isFinite ? d : nil }
        if let i = value as? Int { return Double(i) }
        return nil
    }

    static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }
    static func array(_ value: Any?) -> [Any]? { value as? [Any] }
    static func string(_ value: Any?) -> String? { value as? String }
}
