/// Encodes commands the way clients must send them to Redis: an array of bulk strings
/// (`*2\r\n$4\r\nLLEN\r\n$5\r\nqueue\r\n`). Arguments are binary-safe.
public enum RESPEncoder {
    /// Appends one command to `buffer`.
    public static func append(_ arguments: [String], to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), arguments.count, to: &buffer)
        for argument in arguments {
            var argument = argument
            argument.withUTF8 { utf8 in
                appendHeader(UInt8(ascii: "$"), utf8.count, to: &buffer)
                buffer.append(contentsOf: utf8)
            }
            buffer.append(13)
            buffer.append(10)
        }
    }

    /// Appends one command given as raw byte arguments to `buffer`.
    public static func append(bytes arguments: [[UInt8]], to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), arguments.count, to: &buffer)
        for argument in arguments {
            appendHeader(UInt8(ascii: "$"), argument.count, to: &buffer)
            buffer.append(contentsOf: argument)
            buffer.append(13)
            buffer.append(10)
        }
    }

    /// The encoding of one command.
    public static func encode(_ arguments: [String]) -> [UInt8] {
        var buffer: [UInt8] = []
        append(arguments, to: &buffer)
        return buffer
    }

    /// The encoding of several commands back to back, as one pipelined write.
    public static func encode(pipeline commands: [[String]]) -> [UInt8] {
        var buffer: [UInt8] = []
        for command in commands { append(command, to: &buffer) }
        return buffer
    }

    private static func appendHeader(_ type: UInt8, _ count: Int, to buffer: inout [UInt8]) {
        buffer.append(type)
        buffer.append(contentsOf: String(count).utf8)
        buffer.append(13)
        buffer.append(10)
    }
}
