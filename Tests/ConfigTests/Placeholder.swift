import Testing

@Test func ConfigTestsBuilds() {}
