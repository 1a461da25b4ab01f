import Testing

@Test func ScrapeTestsBuilds() {}
