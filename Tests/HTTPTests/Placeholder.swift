import Testing

@Test func HTTPTestsBuilds() {}
