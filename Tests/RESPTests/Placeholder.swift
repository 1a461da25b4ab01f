import Testing

@Test func RESPTestsBuilds() {}
