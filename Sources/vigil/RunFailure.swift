/// Why a run could not start (or reload): a config error, a bad source URL.
struct RunFailure: Error, CustomStringConvertible {
    let description: String
}
