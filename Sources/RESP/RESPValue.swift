/// One decoded RESP2 reply. Redis data is binary, so bulk strings keep their bytes; the accessors in
/// `RESPValue+Accessors.swift` give strings and integers for the common cases.
public enum RESPValue: Sendable, Hashable {
    /// `+OK\r\n`
    case simpleString(String)
    /// `-ERR message\r\n`: the server's error text, without the leading `-`.
    case error(String)
    /// `:42\r\n`
    case integer(Int64)
    /// `$3\r\nfoo\r\n`
    case bulkString([UInt8])
    /// `*2\r\n...`
    case array([RESPValue])
    /// The null bulk string `$-1\r\n` and the null array `*-1\r\n`.
    case null
}
