/// Marks types that hold key material: `print`, string interpolation, `debugPrint` and `dump` show only
/// the type name, so secrets cannot leak into logs or error messages by accident.
public protocol RedactedDescription: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {}

extension RedactedDescription {
    public var description: String { "\(Self.self)(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
