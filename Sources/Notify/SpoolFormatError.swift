/// Why a spool file could not be read back.
struct SpoolFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
