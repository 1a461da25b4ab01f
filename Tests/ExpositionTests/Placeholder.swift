import Testing

@Test func ExpositionTestsBuilds() {}
