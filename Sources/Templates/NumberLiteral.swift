/// A parsed number literal with the interpretations Go's `parse.NumberNode` records.
struct NumberLiteral: Equatable {
    var text: String
    var isInt = false
    var isUint = false
    var isFloat = false
    var int: Int64 = 0
    var float: Double = 0
}
