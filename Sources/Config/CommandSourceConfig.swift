/// A program whose output is the sample data: an exposition or a single number.
public struct CommandSourceConfig: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, CaseIterable { case exposition, number }

    /// The program and its arguments; with `shell`, a single command line for `/bin/sh -c`.
    public var argv: [String]
    public var shell = false
    public var format: Format = .exposition
}
