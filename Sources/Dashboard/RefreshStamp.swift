/// What one refresh of a dashboard evaluated: the store's append count when it started and the
/// view it was for. A clock tick whose stamp is the same, less than a query step later, would
/// evaluate the same queries over the same samples on the same step grid, so it keeps the models
/// (a source polled every 15 s no longer costs 15 evaluations of every panel per sample).
struct RefreshStamp: Equatable {
    var generation: Int
    var dashboard: Int
    var maximized: PanelID?
    var width: Int
    var height: Int
    var window: TimeWindow
    var filter: String?
    var dashboardCount: Int
}
