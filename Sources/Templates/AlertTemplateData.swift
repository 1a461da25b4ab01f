/// The data Prometheus gives alert label and annotation templates (`AlertTemplateData`):
/// `.Labels`, `.ExternalLabels`, `.ExternalURL` and `.Value`.
public struct AlertTemplateData: Sendable, Equatable {
    public var labels: [String: String]
    public var externalLabels: [String: String]
    public var externalURL: String
    public var value: Double

    public init(labels: [String: String], externalLabels: [String: String] = [:], externalURL: String = "", value: Double) {
        self.labels = labels
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        self.value = value
    }

    /// Go's anonymous struct type name, as it appears in error messages.
    static let goTypeName =
        "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value interface {} }"

    public var templateValue: TemplateValue {
        .record(TemplateRecord(typeName: AlertTemplateData.goTypeName, fields: [
            ("Labels", .stringMap(labels)), ("ExternalLabels", .stringMap(externalLabels)),
            ("ExternalURL", .string(externalURL)), ("Value", .float(value)),
        ]))
    }
}
