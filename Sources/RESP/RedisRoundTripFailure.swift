/// Why a round trip failed; the connection is unusable afterwards.
enum RedisRoundTripFailure: Error {
    case socket(SocketFailure)
    case protocolError(RESPProtocolError)
    /// The server sent more than the replies we asked for.
    case unexpectedReply
}
