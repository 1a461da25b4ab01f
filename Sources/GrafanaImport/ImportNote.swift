/// Something the import could not carry over exactly: a panel or query left out, a setting mapped
/// approximately, a template variable fixed to a value. Shown to the user and written into the YAML.
public struct ImportNote: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// A whole panel was left out.
        case panelDropped = "panel not converted"
        /// One query of a panel was left out; the panel stays.
        case queryDropped = "query not converted"
        /// Converted, but something was lost or approximated.
        case lossy
        /// A template variable was replaced by a fixed value or flattened to all values.
        case variable
    }

    public var kind: Kind
    /// The panel's title; nil for notes about the whole dashboard.
    public var panel: String?
    /// The Grafana row the panel sat in, if any.
    public var row: String?
    public var message: String

    public init(_ kind: Kind, panel: String? = nil, row: String? = nil, _ message: String) {
        self.kind = kind
        self.panel = panel
        self.row = row
        self.message = message
    }

    /// `panel "CPU Busy" (row "Quick CPU"): query not converted: ...`
    public var description: String {
        var where_ = "dashboard"
        if let panel { where_ = "panel \"\(panel)\"" + (row.map { " (row \"\($0)\")" } ?? "") }
        let prefix = kind == .lossy || kind == .variable ? "" : kind.rawValue + ": "
        return "\(where_): \(prefix)\(message)"
    }
}
