import Testing

@Test func ArgumentsTestsBuilds() {}
