import Testing

@Test func VigilCLITestsBuilds() {}
