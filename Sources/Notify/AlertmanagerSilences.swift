import Config
import Foundation
import HTTP

/// Creates, lists and expires silences in an Alertmanager through its API v2
/// (`POST /api/v2/silences`, `GET /api/v2/silences`, `DELETE /api/v2/silence/{id}`), for a
/// silence set in Vigil's UI to hold in Alertmanager too. Answers are untrusted: bounded in
/// size and checked field by field.
public struct AlertmanagerSilences: Sendable {
    public let endpoint: HTTPEndpoint

    public init(endpoint: HTTPEndpoint) {
        self.endpoint = endpoint
    }

    /// From an `alertmanager` notifier's config (the same URL and credentials).
    public init(_ config: NotifierConfig) {
        self.init(endpoint: HTTPEndpoint(config))
    }

    /// Creates the silence (or updates it when `silence.id` is set); returns its id.
    public func create(_ silence: Silence) async throws(NotifyError) -> String {
        var j = JSONText()
        j.raw("{")
        if !silence.id.isEmpty {
            try Self.checkID(silence.id)
            j.raw("\"id\":")
            j.string(silence.id)
            j.raw(",")
        }
        j.raw("\"matchers\":[")
        for (i, m) in silence.matchers.enumerated() {
            if i > 0 { j.raw(",") }
            j.raw("{\"name\":")
            j.string(m.name)
            j.raw(",\"value\":")
            j.string(m.value)
            j.raw(",\"isRegex\":\(m.isRegex),\"isEqual\":\(m.isEqual)}")
        }
        j.raw("],\"startsAt\":")
        j.string(GoTime.rfc3339Millis(silence.startsAt))
        j.raw(",\"endsAt\":")
        j.string(GoTime.rfc3339Millis(silence.endsAt))
        j.raw(",\"createdBy\":")
        j.string(silence.createdBy)
        j.raw(",\"comment\":")
        j.string(silence.comment)
        j.raw("}")
        let body = try await request("POST", "/api/v2/silences", json: Array(j.text.utf8))
        guard let o = Self.json(body) as? [String: Any], let id = o["silenceID"] as? String, !id.isEmpty else {
            throw NotifyError("POST \(endpoint.redactedURL): the answer has no silenceID")
        }
        return id
    }

    /// Every silence Alertmanager knows (active, pending and recently expired).
    public func list() async throws(NotifyError) -> [Silence] {
        let body = try await request("GET", "/api/v2/silences", json: nil)
        guard let items = Self.json(body) as? [Any] else {
            throw NotifyError("GET \(endpoint.redactedURL): the answer is not a list of silences")
        }
        var out: [Silence] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let s = Self.silence(item) else {
                throw NotifyError("GET \(endpoint.redactedURL): a silence in the answer is malformed")
            }
            out.append(s)
        }
        return out
    }

    /// Expires the silence `id` now.
    public func expire(id: String) async throws(NotifyError) {
        try Self.checkID(id)
        _ = try await request("DELETE", "/api/v2/silence/" + id, json: nil)
    }

    private func request(_ method: String, _ path: String, json: [UInt8]?) async throws(NotifyError) -> [UInt8] {
        let url = AlertmanagerNotifier.apiURL(endpoint.url, path: path)
        let r = try await endpoint.send(method: method, url: url, json: json)
        guard (200..<300).contains(r.status) else {
            var message = "\(method) \(endpoint.redactedURL): server returned HTTP status \(r.statusText)"
            let detail = String(decoding: r.body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !detail.isEmpty { message += ": " + detail }
            throw NotifyError(message, permanent: (400..<500).contains(r.status))
        }
        return r.body
    }

    /// Silence ids are UUIDs; anything else could leave the path.
    static func checkID(_ id: String) throws(NotifyError) {
        guard !id.isEmpty, id.utf8.count <= 64, id.utf8.allSatisfy({ b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "-")
        }) else {
            throw NotifyError("\"\(id.prefix(80))\" is not a silence id", permanent: true)
        }
    }

    static func json(_ body: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    static func silence(_ item: Any) -> Silence? {
        guard let o = item as? [String: Any], let id = o["id"] as? String, let list = o["matchers"] as? [Any],
              let starts = (o["startsAt"] as? String).flatMap(GoTime.parse),
              let ends = (o["endsAt"] as? String).flatMap(GoTime.parse) else { return nil }
        var matchers: [Silence.Matcher] = []
        for m in list {
            guard let mo = m as? [String: Any], let name = mo["name"] as? String, let value = mo["value"] as? String else {
                return nil
            }
            matchers.append(Silence.Matcher(name: name, value: value, isRegex: mo["isRegex"] as? Bool ?? false,
                                            isEqual: mo["isEqual"] as? Bool ?? true))
        }
        let state = (o["status"] as? [String: Any])?["state"] as? String ?? ""
        return Silence(id: id, matchers: matchers, startsAt: starts, endsAt: ends, createdBy: o["createdBy"] as? String ?? "",
                       comment: o["comment"] as? String ?? "", state: state,
                       updatedAt: (o["updatedAt"] as? String).flatMap(GoTime.parse))
    }
}
