import Testing

@Test func AlertingTestsBuilds() {}
