/// Process exit codes Vigil uses, as documented in `--help`.
enum ExitCode: Int32 {
    case success = 0
    /// The work failed: input did not parse, a source is down, a test failed.
    case failure = 1
    /// The command line or the config is wrong.
    case usage = 2
}
