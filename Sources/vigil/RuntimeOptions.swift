import Config
import TimeSeries

/// What a run takes from the command line beside (or instead of) the config file.
struct RuntimeOptions {
    var urls: [String] = []
    var memoryLimit: Int?
    /// `--rules FILE` (repeatable): rule files added to the config's.
    var ruleFiles: [String] = []
    /// `--alertmanager URL` (repeatable): Alertmanagers added to the config's notifiers.
    var alertmanagers: [String] = []
    /// `--state-dir DIR`: overrides the config's `state_dir`.
    var stateDirectory: String?
    /// True for the dashboard (standard error is the screen's), false for headless and snapshots.
    var interactive = false
    /// Polling, recording or replaying.
    var feed: RuntimeFeed = .poll
    /// The store of the run being reloaded, so a reload keeps the history.
    var store: SeriesStore?
}
