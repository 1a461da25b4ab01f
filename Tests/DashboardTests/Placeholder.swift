import Testing

@Test func DashboardTestsBuilds() {}
