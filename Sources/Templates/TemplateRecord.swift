/// A Go struct value with ordered, exported fields; templates read its fields by name and
/// `fmt` prints it as `{v1 v2 ...}` (or `&{...}` through a pointer).
public struct TemplateRecord: Sendable, Equatable {
    /// The Go type, e.g. `*template.sample`; shown in error messages.
    public var typeName: String
    public var fields: [(name: String, value: TemplateValue)]
    /// A pointer to a struct prints as `&{...}` when formatted by `printf`.
    public var isPointer: Bool

    public init(typeName: String, fields: [(name: String, value: TemplateValue)], isPointer: Bool = false) {
        self.typeName = typeName
        self.fields = fields
        self.isPointer = isPointer
    }

    public func field(_ name: String) -> TemplateValue? {
        fields.first { $0.name == name }?.value
    }

    public static func == (a: TemplateRecord, b: TemplateRecord) -> Bool {
        a.typeName == b.typeName && a.isPointer == b.isPointer && a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
