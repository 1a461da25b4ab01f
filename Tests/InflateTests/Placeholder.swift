import Testing

@Test func InflateTestsBuilds() {}
